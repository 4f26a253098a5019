using System.Text.RegularExpressions;
using Coordination.Common.V1;
using Coordination.Contracts;
using Coordination.Errors;

namespace Coordination.Validation;

/// <summary>Checks of the fields every service shares: request ids, nations, currencies, text, dates.</summary>
public static partial class Fields
{
    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}\z")]
    private static partial Regex RequestIdPattern();

    [GeneratedRegex(@"^[0-9a-f]{32}\z")]
    private static partial Regex IdPattern();

    /// <summary>1-64 characters of A-Z a-z 0-9 . _ -: what a client may choose as a request id.</summary>
    public static bool IsWellFormedRequestId(string value) => RequestIdPattern().IsMatch(value);

    public static void RequestId(this Violations v, string value, string field = "request_id") =>
        v.Check(IsWellFormedRequestId(value), field,
            "required: 1-64 characters of A-Z a-z 0-9 . _ -, chosen by the client and reused on retries");

    /// <summary>Ids are 32 lower-case hex characters; anything else cannot name a record.</summary>
    public static bool IsWellFormedId(string value) => IdPattern().IsMatch(value);

    public static void Id(this Violations v, string value, string field = "id") =>
        v.Check(IsWellFormedId(value), field, "required: 32 lower-case hex characters");

    public static void OptionalId(this Violations v, string value, string field)
    {
        if (value.Length > 0)
        {
            v.Id(value, field);
        }
    }

    public static void NationCode(this Violations v, string value, string field) =>
        v.Check(Nations.IsKnown(value), field,
            value.Length == 0 ? "required: an ISO 3166-1 alpha-3 code, e.g. KEN"
                              : $"{Quote(value)} is not an ISO 3166-1 alpha-3 code (upper case, e.g. KEN)");

    /// <summary>An active ISO 4217 code; false (and a violation quoting what was sent) otherwise.</summary>
    public static bool CurrencyCode(this Violations v, string value, string field)
    {
        v.Check(Currencies.IsKnown(value), field,
            value.Length == 0 ? "required: an ISO 4217 code, e.g. USD"
                              : $"{Quote(value)} is not an active ISO 4217 currency code");
        return Currencies.IsKnown(value);
    }

    /// <summary>Text allowed to run to this many characters or more is prose (a reason, a note, an outcome) and may
    /// hold line breaks and tabs; shorter text (a name, a title, a code) is one line.</summary>
    public const int ProseLength = 500;

    /// <summary>
    /// Free text: <paramref name="min"/> to <paramref name="max"/> characters, not blank, and no control characters
    /// (U+0000-U+001F, U+007F-U+009F), which no partner types and which a database, a log line or a CSV export
    /// reads as structure; prose (<see cref="ProseLength"/>) keeps line feed, carriage return and tab.
    /// </summary>
    public static void Text(this Violations v, string value, string field, int min, int max)
    {
        if (value.Length < min || value.Length > max)
        {
            v.Add(field, min > 0 ? $"required: {min}-{max} characters" : $"at most {max} characters");
        }
        else if (value.Length > 0 && string.IsNullOrWhiteSpace(value))
        {
            v.Add(field, "must not be blank");
        }
        else if (FirstControl(value, prose: max >= ProseLength) is { } at)
        {
            v.Add(field, $"must not contain control characters (U+{(int)value[at]:X4} at position {at + 1})"
                + (max >= ProseLength ? "; line breaks and tabs are allowed" : "; it is one line of text"));
        }
    }

    /// <summary>Where the first control character of <paramref name="value"/> is, or null; line breaks and tabs
    /// count only outside prose.</summary>
    public static int? FirstControl(string value, bool prose = false)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]) && !(prose && value[i] is '\n' or '\r' or '\t'))
            {
                return i;
            }
        }
        return null;
    }

    /// <summary>What a partner sent, quoted for an error message: at most <see cref="QuotedLength"/> characters,
    /// control characters shown as U+FFFD, so a message never grows with the input nor carries its control bytes.</summary>
    public static string Quote(string value)
    {
        var shown = string.Concat(Refusals.Cut(value, QuotedLength).Select(c => char.IsControl(c) ? '\uFFFD' : c));
        return value.Length <= QuotedLength ? $"'{shown}'" : $"'{shown}' ({value.Length:N0} characters)";
    }

    /// <summary>How much of a value an error message quotes.</summary>
    public const int QuotedLength = 32;

    public static void Range(this Violations v, long value, string field, long min, long max) =>
        v.Check(value >= min && value <= max, field, $"must be from {min:N0} to {max:N0}");

    /// <summary>Reads a required date; adds a violation and returns null when it is missing or not a real day.</summary>
    public static DateOnly? RequiredDate(this Violations v, Date? value, string field)
    {
        if (value is null)
        {
            v.Add(field, "required");
            return null;
        }
        return v.OptionalDate(value, field);
    }

    public static DateOnly? OptionalDate(this Violations v, Date? value, string field)
    {
        if (value is null)
        {
            return null;
        }
        if (value.ToDateOnly() is { } date)
        {
            return date;
        }
        v.Add(field, $"{value.Year:D4}-{value.Month:D2}-{value.Day:D2} is not a calendar date");
        return null;
    }

    /// <summary>Reads an enum field that must be set to a value the contract defines; the violation lists the
    /// contract's names of its values (<c>UNIT_TYPE_FORMED_POLICE_UNIT</c>).</summary>
    public static void Defined<TEnum>(this Violations v, TEnum value, string field) where TEnum : struct, Enum =>
        v.Check(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0 && Enum.IsDefined(value),
            field, $"required: one of {string.Join(", ", ProtoEnumNames.Settable<TEnum>())}");
}
