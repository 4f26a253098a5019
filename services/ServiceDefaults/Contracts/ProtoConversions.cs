using Coordination.Common.V1;
using Google.Protobuf.WellKnownTypes;

namespace Coordination.Contracts;

/// <summary>Conversions between stored values and their contract types.</summary>
public static class ProtoConversions
{
    public static Date ToProto(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static Date? ToProto(this DateOnly? date) => date?.ToProto();

    /// <summary>The calendar day, or null when the three numbers do not make one.</summary>
    public static DateOnly? ToDateOnly(this Date date) =>
        date.Year is >= 1 and <= 9999 && date.Month is >= 1 and <= 12 && date.Day >= 1
        && date.Day <= DateTime.DaysInMonth(date.Year, date.Month)
            ? new DateOnly(date.Year, date.Month, date.Day)
            : null;

    /// <summary>Stored times are UTC; a DateTime read back from SQLite comes unspecified, so it is marked UTC here.</summary>
    public static Timestamp ToTimestamp(this DateTime utc) =>
        Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
