using System.Text.RegularExpressions;
using Coordination.Personnel.V1;
using Coordination.Validation;

namespace Coordination.Personnel.Officers;

/// <summary>An officer as a nation recorded it, checked and ready to register.</summary>
public sealed record OfficerDraft(
    string ServiceNumber, string FamilyName, string GivenNames, string Rank, Gender Gender, DateOnly DateOfBirth,
    IReadOnlyList<string> Languages, IReadOnlyList<string> Skills, IReadOnlyList<VettingEntry> Vetting,
    (ScreeningResult Result, DateOnly On)? Screening, IReadOnlyList<QualificationDraft> Qualifications);

/// <summary>A training or credential as recorded.</summary>
public sealed record QualificationDraft(QualificationKind Kind, string Name, DateOnly ObtainedOn, DateOnly? ExpiresOn);

/// <summary>
/// Reads an <see cref="OfficerRecord"/> (RegisterOfficer, or one row of a roster import) once, at the edge: every bad
/// field is named, under <c>prefix</c>. The same rules whichever way an officer arrives.
/// </summary>
public static partial class OfficerRecords
{
    [GeneratedRegex(@"^[A-Za-z0-9/.\-]{1,40}\z")]
    private static partial Regex ServiceNumberPattern();

    [GeneratedRegex(@"^[a-z]{2}\z")]
    private static partial Regex LanguagePattern();

    public static OfficerDraft? Read(OfficerRecord? record, Violations v, DateOnly today, string prefix = "")
    {
        if (record is null)
        {
            v.Add(prefix.TrimEnd('.'), "required");
            return null;
        }
        v.Check(ServiceNumberPattern().IsMatch(record.ServiceNumber), prefix + "service_number", "required: 1-40 characters of A-Z a-z 0-9 / . -");
        v.Text(record.FamilyName, prefix + "family_name", 1, 100);
        v.Text(record.GivenNames, prefix + "given_names", 1, 100);
        v.Text(record.Rank, prefix + "rank", 1, 60);
        v.Defined(record.Gender, prefix + "gender");
        var born = v.PastDay(record.DateOfBirth, prefix + "date_of_birth", today, required: true);
        if (born is { } b && Days.AgeOn(b, today) is < 18 or > 99)
        {
            v.Add(prefix + "date_of_birth", $"{b:yyyy-MM-dd} makes the officer {Days.AgeOn(b, today)} today; officers are 18 to 99 (25 to 62 when they deploy)");
        }
        v.Check(record.Languages.Count <= 10, prefix + "languages", "at most 10");
        for (var i = 0; i < record.Languages.Count; i++)
        {
            v.Check(LanguagePattern().IsMatch(record.Languages[i]), $"{prefix}languages[{i}]", "an ISO 639-1 code in lower case, e.g. en, fr, sw");
            v.Check(record.Languages.Take(i).All(l => l != record.Languages[i]), $"{prefix}languages[{i}]", "named twice");
        }
        v.Check(record.Skills.Count <= 20, prefix + "skills", "at most 20");
        for (var i = 0; i < record.Skills.Count; i++)
        {
            v.Text(record.Skills[i], $"{prefix}skills[{i}]", 1, 60);
        }
        var vetting = ReadVetting(record.Vetting, v, today, prefix);
        (ScreeningResult, DateOnly)? screening = null;
        if (record.HumanRightsScreening is { } s)
        {
            v.Defined(s.Result, prefix + "human_rights_screening.result");
            if (v.PastDay(s.On, prefix + "human_rights_screening.on", today, required: true) is { } on)
            {
                screening = (s.Result, on);
            }
        }
        v.Check(record.Qualifications.Count <= 20, prefix + "qualifications", "at most 20");
        var qualifications = new List<QualificationDraft>();
        for (var i = 0; i < record.Qualifications.Count; i++)
        {
            if (ReadQualification(record.Qualifications[i], v, today, $"{prefix}qualifications[{i}].") is { } q)
            {
                if (qualifications.Any(x => x.Kind == q.Kind && x.Name == q.Name))
                {
                    v.Add($"{prefix}qualifications[{i}].name", "named twice for the same kind");
                }
                qualifications.Add(q);
            }
        }
        return v.Any ? null : new OfficerDraft(record.ServiceNumber.ToUpperInvariant(), record.FamilyName, record.GivenNames,
            record.Rank, record.Gender, born!.Value, [.. record.Languages], [.. record.Skills], vetting, screening, qualifications);
    }

    public static VettingEntry? ReadVettingResult(VettingResult? result, Violations v, DateOnly today, string prefix)
    {
        if (result is null)
        {
            v.Add(prefix.TrimEnd('.'), "required");
            return null;
        }
        v.Defined(result.Stage, prefix + "stage");
        var on = v.PastDay(result.On, prefix + "on", today, required: true);
        return on is { } day && result.Stage != VettingStage.Unspecified && Enum.IsDefined(result.Stage)
            ? new VettingEntry(result.Stage, result.Passed, day)
            : null;
    }

    public static QualificationDraft? ReadQualification(V1.Qualification? q, Violations v, DateOnly today, string prefix)
    {
        if (q is null)
        {
            v.Add(prefix.TrimEnd('.'), "required");
            return null;
        }
        v.Defined(q.Kind, prefix + "kind");
        v.Text(q.Name, prefix + "name", 1, 120);
        var obtained = v.PastDay(q.ObtainedOn, prefix + "obtained_on", today, required: true);
        var expires = v.OptionalDate(q.ExpiresOn, prefix + "expires_on");
        if (obtained is { } o && expires is { } e && e <= o)
        {
            v.Add(prefix + "expires_on", $"{e:yyyy-MM-dd} is not after obtained_on {o:yyyy-MM-dd}");
        }
        return obtained is { } day && q.Kind != QualificationKind.Unspecified && Enum.IsDefined(q.Kind) && q.Name.Length is >= 1 and <= 120
            ? new QualificationDraft(q.Kind, q.Name, day, expires)
            : null;
    }

    /// <summary>Vetting results given with a record must follow the stage order among themselves.</summary>
    private static List<VettingEntry> ReadVetting(IReadOnlyList<VettingResult> results, Violations v, DateOnly today, string prefix)
    {
        var entries = new List<VettingEntry>();
        for (var i = 0; i < results.Count; i++)
        {
            if (ReadVettingResult(results[i], v, today, $"{prefix}vetting[{i}].") is not { } entry)
            {
                return entries;
            }
            if (Vetting.Refusal(entries, entry) is { } refusal)
            {
                v.Add($"{prefix}vetting[{i}].stage", refusal.Reason);
                return entries;
            }
            entries.Add(entry);
        }
        return entries;
    }
}
