using Coordination.Contracts;
using Coordination.Auth;
using Coordination.Errors;
using Coordination.Personnel.V1;
using Coordination.Persistence;

namespace Coordination.Personnel.Officers;

/// <summary>
/// An officer a nation puts forward, known by nation and service number. Holds personal data (names, date of birth,
/// screening): never put it in an event.
/// </summary>
public sealed class Officer : IKeyed
{
    public const int MinimumAge = 25;
    public const int MaximumAge = 62;

    private readonly List<Qualification> qualifications = [];

    public string Id { get; private init; } = Ids.New();
    public string Nation { get; private init; } = "";
    /// <summary>In upper case: "kp/123" and "KP/123" are one officer.</summary>
    public string ServiceNumber { get; private init; } = "";
    public string FamilyName { get; private init; } = "";
    public string GivenNames { get; private init; } = "";
    public string Rank { get; private init; } = "";
    public Gender Gender { get; private init; }
    public DateOnly DateOfBirth { get; private init; }
    public List<string> Languages { get; private init; } = [];
    public List<string> Skills { get; private init; } = [];
    public List<VettingEntry> Vetting { get; private set; } = [];
    public VettingStage NextVettingStage { get; private set; }
    public bool VettingFailed { get; private set; }
    public ScreeningResult Screening { get; private set; }
    public DateOnly? ScreenedOn { get; private set; }
    public OfficerStatus Status { get; private set; }
    /// <summary>Contingent whose roster the officer is (or, once repatriated, was) on; empty when none.</summary>
    public string ContingentId { get; private set; } = "";
    public int Revision { get; private set; }
    public Audit Audit { get; private init; } = null!;
    public IReadOnlyList<Qualification> Qualifications => qualifications;

    public bool IsVetted => NextVettingStage == VettingStage.Unspecified && Screening == ScreeningResult.Cleared;

    /// <summary>On the roster of a contingent that has not been repatriated.</summary>
    public bool IsOnActiveRoster => Status is OfficerStatus.Assigned or OfficerStatus.Deployed;

    private Officer()
    {
    }

    /// <summary>A new officer from a validated record (its vetting already in order).</summary>
    public static Officer Register(string nation, OfficerDraft draft, Audit audit)
    {
        var officer = new Officer
        {
            Nation = nation,
            ServiceNumber = draft.ServiceNumber,
            FamilyName = draft.FamilyName,
            GivenNames = draft.GivenNames,
            Rank = draft.Rank,
            Gender = draft.Gender,
            DateOfBirth = draft.DateOfBirth,
            Languages = [.. draft.Languages],
            Skills = [.. draft.Skills],
            Vetting = [.. draft.Vetting],
            Screening = draft.Screening?.Result ?? ScreeningResult.Unspecified,
            ScreenedOn = draft.Screening?.On,
            Audit = audit,
        };
        officer.qualifications.AddRange(draft.Qualifications.Select(q => Qualification.For(officer, q)));
        officer.Refresh();
        return officer;
    }

    public void RecordVetting(VettingEntry entry, Caller caller, string requestId, DateTime now)
    {
        if (Officers.Vetting.Refusal(Vetting, entry) is { } refusal)
        {
            throw new PreconditionFailedException(refusal.Rule, $"officers/{Id}", $"Officer {ServiceNumber} of {Nation}: {refusal.Reason}");
        }
        Vetting = [.. Vetting, entry];
        Changed(caller, requestId, now);
    }

    public void RecordScreening(ScreeningResult result, DateOnly on, Caller caller, string requestId, DateTime now)
    {
        Screening = result;
        ScreenedOn = on;
        Changed(caller, requestId, now);
    }

    /// <summary>Adds a training or credential, replacing an earlier one of the same kind and name; returns what it replaced.</summary>
    public Qualification? RecordQualification(QualificationDraft draft, Caller caller, string requestId, DateTime now)
    {
        var replaced = qualifications.FirstOrDefault(q => q.Kind == draft.Kind && q.Name == draft.Name);
        if (replaced is not null)
        {
            qualifications.Remove(replaced);
        }
        qualifications.Add(Qualification.For(this, draft));
        Changed(caller, requestId, now);
        return replaced;
    }

    /// <summary>Why the officer cannot join a contingent of <paramref name="nation"/>, or null when they can.</summary>
    public string? AssignmentRefusal(string nation, string contingentId)
    {
        if (Nation != nation)
        {
            return $"{Id} is an officer of {Nation}, not {nation}";
        }
        if (IsOnActiveRoster && ContingentId != contingentId)
        {
            return $"{Id} is on the roster of contingent {ContingentId}";
        }
        if (!IsVetted)
        {
            return NextVettingStage != VettingStage.Unspecified
                ? $"{Id} is not vetted: {ProtoEnumNames.Of(NextVettingStage)} has not been passed"
                : $"{Id} is not vetted: the human-rights screening has not cleared them";
        }
        return null;
    }

    /// <summary>Why the officer cannot deploy on <paramref name="on"/>, or null when they can (vetted, aged 25 to 62 that day).</summary>
    public string? DeploymentRefusal(DateOnly on)
    {
        if (!IsVetted)
        {
            return $"{Id} is no longer vetted";
        }
        var age = Ages.AgeOn(DateOfBirth, on);
        return age is < MinimumAge or > MaximumAge ? $"{Id} would be {age} on {on:yyyy-MM-dd}, outside {MinimumAge} to {MaximumAge}" : null;
    }

    public void JoinRoster(string contingentId)
    {
        ContingentId = contingentId;
        Status = OfficerStatus.Assigned;
        Revision++;
    }

    public void LeaveRoster()
    {
        ContingentId = "";
        Status = OfficerStatus.Vetted;
        Refresh();
    }

    /// <summary>Follows the contingent: on duty when it deploys, home when it is repatriated.</summary>
    public void Follow(ContingentStatus contingentStatus)
    {
        Status = contingentStatus switch
        {
            ContingentStatus.Deployed or ContingentStatus.Demobilizing => OfficerStatus.Deployed,
            ContingentStatus.Repatriated => OfficerStatus.Repatriated,
            _ => OfficerStatus.Assigned,
        };
        Revision++;
    }

    private void Changed(Caller caller, string requestId, DateTime now)
    {
        Refresh();
        Audit.Touch(caller, requestId, now);
    }

    /// <summary>Recomputes what vetting says; an officer on a roster keeps the roster's status.</summary>
    private void Refresh()
    {
        NextVettingStage = Officers.Vetting.Next(Vetting);
        VettingFailed = Officers.Vetting.Failed(Vetting);
        if (!IsOnActiveRoster && Status != OfficerStatus.Repatriated)
        {
            Status = IsVetted ? OfficerStatus.Vetted
                : VettingFailed || Screening == ScreeningResult.NotCleared ? OfficerStatus.NotCleared
                : OfficerStatus.InVetting;
        }
        Revision++;
    }
}

/// <summary>A training or credential an officer holds, with its expiry. The nation is copied here for due reports.</summary>
public sealed class Qualification
{
    public string Id { get; private init; } = Ids.New();
    public string OfficerId { get; private init; } = "";
    public string Nation { get; private init; } = "";
    public QualificationKind Kind { get; private init; }
    public string Name { get; private init; } = "";
    public DateOnly ObtainedOn { get; private init; }
    public DateOnly? ExpiresOn { get; private init; }

    private Qualification()
    {
    }

    public static Qualification For(Officer officer, QualificationDraft draft) => new()
    {
        OfficerId = officer.Id,
        Nation = officer.Nation,
        Kind = draft.Kind,
        Name = draft.Name,
        ObtainedOn = draft.ObtainedOn,
        ExpiresOn = draft.ExpiresOn,
    };
}
