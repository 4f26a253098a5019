using Coordination.Common.V1;
using Coordination.Persistence;
using Coordination.Validation;

namespace Coordination.Personnel;

/// <summary>Calendar days as personnel reads them: recorded facts are not in the future, and ages count whole years.</summary>
public static class Days
{
    /// <summary>Vetting, screening and training are what an adult officer went through: none is dated before this age.</summary>
    public const int AdultAge = 18;

    /// <summary>Reads a day that has happened (today or before); null when unset and not required.</summary>
    public static DateOnly? PastDay(this Violations v, Date? value, string field, DateOnly today, bool required = false)
    {
        var day = required ? v.RequiredDate(value, field) : v.OptionalDate(value, field);
        if (day > today)
        {
            v.Add(field, $"{day:yyyy-MM-dd} is in the future; record what has happened (today is {today:yyyy-MM-dd})");
            return null;
        }
        return day;
    }

    /// <summary>Refuses a day of an officer's record before their 18th birthday (a vetting in 1900 for an officer born in 1990).</summary>
    public static void AsAdult(this Violations v, DateOnly? day, DateOnly born, string field)
    {
        var adult = born.AddYears(AdultAge);
        if (day < adult)
        {
            v.Add(field, $"{day:yyyy-MM-dd} is before the officer's {AdultAge}th birthday ({adult:yyyy-MM-dd})");
        }
    }

    /// <summary>Whole years between a birthday and a day; born on 29 February, a year older on 28 February of other years.</summary>
    public static int AgeOn(DateOnly born, DateOnly on)
    {
        var age = on.Year - born.Year;
        return on < born.AddYears(age) ? age - 1 : age;
    }
}
