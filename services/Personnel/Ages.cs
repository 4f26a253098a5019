using Coordination.Validation;

namespace Coordination.Personnel;

/// <summary>An officer's chronology: ages count whole years, and what an adult went through comes after their 18th birthday.</summary>
public static class Ages
{
    /// <summary>Vetting, screening and training are what an adult officer went through: none is dated before this age.</summary>
    public const int AdultAge = 18;

    /// <summary>Refuses a day of an officer's record before their 18th birthday (a vetting in 1900 for an officer born in 1990).</summary>
    public static DateOnly? AsAdult(this Violations v, DateOnly? day, DateOnly born, string field) =>
        v.NotBefore(day, born.AddYears(AdultAge), field, $"the officer's {AdultAge}th birthday");

    /// <summary>Whole years between a birthday and a day; born on 29 February, a year older on 28 February of other years.</summary>
    public static int AgeOn(DateOnly born, DateOnly on)
    {
        var age = on.Year - born.Year;
        return on < born.AddYears(age) ? age - 1 : age;
    }
}
