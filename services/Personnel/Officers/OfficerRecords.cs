using Coordination.Contracts;
using System.Text.RegularExpressions;
using Coordination.Errors;
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
/// field is named, under <c>prefix</c>. The same rules whichever way an officer arrives. Every repeated field's count
/// is checked before anything loops over it, and duplicates are found with a set: a record's cost is linear in its size.
/// </summary>
public static partial class OfficerRecords
{
    public const int MaxLanguages = 10;
    public const int MaxSkills = 20;
    public const int MaxVettingResults = 20;
    public const int MaxQualifications = 20;

    [GeneratedRegex(@"^[A-Za-z0-9/.\-]{1,40}\z")]
    private static partial Regex ServiceNumberPattern();

    [GeneratedRegex(@"^[a-z]{2}\z")]
    private static partial Regex LanguagePattern();

    /// <summary>
    /// What of a record only the mission may record: the vetting stages after the nation's own certification, and the
    /// human-rights screening. A contributor's record carrying any of them is refused (RegisterOfficer) or its row is
    /// rejected (ImportRoster). Looks at no more than <see cref="MaxVettingResults"/> results.
    /// </summary>
    public static IReadOnlyList<FieldViolation> MissionActs(OfficerRecord? record, string prefix = "")
    {
        var acts = new List<FieldViolation>();
        if (record is null)
        {
            return acts;
        }
        for (var i = 0; i < Math.Min(record.Vetting.Count, MaxVettingResults); i++)
        {
            var stage = record.Vetting[i].Stage;
            if (stage != VettingStage.Unspecified && Enum.IsDefined(stage) && !Officers.Vetting.NationRecords(stage))
            {
                acts.Add(new FieldViolation($"{prefix}vetting[{i}].stage",
                    $"{ProtoEnumNames.Of(stage)} is vetted by the mission; a nation records only its own certification ({ProtoEnumNames.Of(VettingStage.NationCertification)})"));
            }
        }
        if (record.HumanRightsScreening is not null)
        {
            acts.Add(new FieldViolation($"{prefix}human_rights_screening", "the human-rights screening is recorded by the mission, not by the officer's nation"));
        }
        return acts;
    }

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
        // A birth is older than any mission: the officer's age bounds it, not DateBounds.Earliest.
        var born = v.HasHappened(v.RequiredDate(record.DateOfBirth, prefix + "date_of_birth"), prefix + "date_of_birth", today);
        if (born is { } b && Ages.AgeOn(b, today) is < 18 or > 99)
        {
            v.Add(prefix + "date_of_birth", $"{b:yyyy-MM-dd} makes the officer {Ages.AgeOn(b, today)} today; officers are 18 to 99 (25 to 62 when they deploy)");
            born = null;
        }
        if (v.CountWithin(record.Languages.Count, prefix + "languages", 0, MaxLanguages))
        {
            for (var i = 0; i < record.Languages.Count; i++)
            {
                v.Check(LanguagePattern().IsMatch(record.Languages[i]), $"{prefix}languages[{i}]", "an ISO 639-1 code in lower case, e.g. en, fr, sw");
            }
            v.Unique(record.Languages, language => language, prefix + "languages");
        }
        if (v.CountWithin(record.Skills.Count, prefix + "skills", 0, MaxSkills))
        {
            for (var i = 0; i < record.Skills.Count; i++)
            {
                v.Text(record.Skills[i], $"{prefix}skills[{i}]", 1, 60);
            }
        }
        var vetting = v.CountWithin(record.Vetting.Count, prefix + "vetting", 0, MaxVettingResults)
            ? ReadVetting(record.Vetting, v, today, born, prefix)
            : [];
        var screening = record.HumanRightsScreening is null ? null
            : ReadScreening(record.HumanRightsScreening, v, today, prefix + "human_rights_screening.", born);
        var qualifications = new List<QualificationDraft>();
        if (v.CountWithin(record.Qualifications.Count, prefix + "qualifications", 0, MaxQualifications))
        {
            for (var i = 0; i < record.Qualifications.Count; i++)
            {
                if (ReadQualification(record.Qualifications[i], v, today, $"{prefix}qualifications[{i}].", born) is { } q)
                {
                    qualifications.Add(q);
                }
            }
            // A kind of qualification is named once: recording it again replaces it (RecordQualification).
            v.Unique(record.Qualifications, q => (q.Kind, q.Name), prefix + "qualifications", "name");
        }
        return v.Any ? null : new OfficerDraft(record.ServiceNumber.ToUpperInvariant(), record.FamilyName, record.GivenNames,
            record.Rank, record.Gender, born!.Value, [.. record.Languages], [.. record.Skills], vetting, screening, qualifications);
    }

    /// <summary>Reads one vetting result: a stage, and a day that has happened and (when the officer's birth is known) came after their 18th birthday.</summary>
    public static VettingEntry? ReadVettingResult(VettingResult? result, Violations v, DateOnly today, string prefix, DateOnly? born = null)
    {
        if (result is null)
        {
            v.Add(prefix.TrimEnd('.'), "required");
            return null;
        }
        v.Defined(result.Stage, prefix + "stage");
        var on = AsAdult(v, v.RequiredFact(result.On, prefix + "on", today), born, prefix + "on");
        return on is { } day && result.Stage != VettingStage.Unspecified && Enum.IsDefined(result.Stage)
            ? new VettingEntry(result.Stage, result.Passed, day)
            : null;
    }

    /// <summary>Reads a human-rights screening: a result, on a day that has happened (after the officer's 18th birthday, when known).</summary>
    public static (ScreeningResult Result, DateOnly On)? ReadScreening(HumanRightsScreening? screening, Violations v, DateOnly today, string prefix, DateOnly? born = null)
    {
        if (screening is null)
        {
            v.Add(prefix.TrimEnd('.'), "required");
            return null;
        }
        v.Defined(screening.Result, prefix + "result");
        return AsAdult(v, v.RequiredFact(screening.On, prefix + "on", today), born, prefix + "on") is { } on
            ? (screening.Result, on)
            : null;
    }

    /// <summary>Reads a training or credential: obtained on a day that has happened (after the officer's 18th birthday, when known), expiring after it.</summary>
    public static QualificationDraft? ReadQualification(V1.Qualification? q, Violations v, DateOnly today, string prefix, DateOnly? born = null)
    {
        if (q is null)
        {
            v.Add(prefix.TrimEnd('.'), "required");
            return null;
        }
        v.Defined(q.Kind, prefix + "kind");
        v.Text(q.Name, prefix + "name", 1, 120);
        // Training and credentials may be older than any mission: the officer's 18th birthday bounds them, not DateBounds.Earliest.
        var obtained = AsAdult(v, v.HasHappened(v.RequiredDate(q.ObtainedOn, prefix + "obtained_on"), prefix + "obtained_on", today), born, prefix + "obtained_on");
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
    private static List<VettingEntry> ReadVetting(IReadOnlyList<VettingResult> results, Violations v, DateOnly today, DateOnly? born, string prefix)
    {
        var entries = new List<VettingEntry>();
        for (var i = 0; i < results.Count; i++)
        {
            if (ReadVettingResult(results[i], v, today, $"{prefix}vetting[{i}].", born) is not { } entry)
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

    private static DateOnly? AsAdult(Violations v, DateOnly? day, DateOnly? born, string field) =>
        born is { } b ? v.AsAdult(day, b, field) : day;
}
