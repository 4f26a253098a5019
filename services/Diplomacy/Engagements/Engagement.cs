using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Diplomacy.V1;
using Coordination.Errors;
using Coordination.Persistence;
using Coordination.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Diplomacy.Engagements;

/// <summary>Who took part: a nation and an office, never a person's name.</summary>
public sealed record ParticipantRecord(string Nation, string Role);

/// <summary>A meeting or call with partners, what came of it and the actions agreed.</summary>
public sealed class Engagement : IKeyed
{
    private readonly List<FollowUpAction> followUps = [];

    public string Id { get; private init; } = Ids.New();
    public EngagementKind Kind { get; private init; }
    public string Title { get; private init; } = "";
    public DateOnly HeldOn { get; private init; }
    public string Location { get; private init; } = "";
    public List<ParticipantRecord> Participants { get; private init; } = [];
    public string Outcome { get; private init; } = "";
    public int Revision { get; private set; }
    public Audit Audit { get; private init; } = null!;
    public IReadOnlyList<FollowUpAction> FollowUps => followUps;

    private Engagement()
    {
    }

    public static Engagement Record(EngagementKind kind, string title, DateOnly heldOn, string location,
        IEnumerable<ParticipantRecord> participants, string outcome, IEnumerable<(string Action, string Owner, DateOnly DueOn)> actions, Audit audit)
    {
        var engagement = new Engagement
        {
            Kind = kind,
            Title = title,
            HeldOn = heldOn,
            Location = location,
            Participants = [.. participants],
            Outcome = outcome,
            Audit = audit,
        };
        engagement.followUps.AddRange(actions.Select(a => new FollowUpAction { EngagementId = engagement.Id, Action = a.Action, Owner = a.Owner, DueOn = a.DueOn }));
        return engagement;
    }

    public void Complete(string followUpId, DateOnly on, Caller caller, string requestId, DateTime now)
    {
        var action = followUps.FirstOrDefault(f => f.Id == followUpId) ?? throw new ResourceNotFoundException("follow-up", followUpId);
        if (action.CompletedOn is { } done)
        {
            throw new PreconditionFailedException("FOLLOW_UP_DONE", $"engagements/{Id}/follow-ups/{followUpId}",
                $"This follow-up was completed on {done:yyyy-MM-dd} already.");
        }
        var v = new Violations();
        v.NotBefore(on, HeldOn, "completed_on", "the day of the engagement");
        v.ThrowIfAny();
        action.CompletedOn = on;
        Revision++;
        Audit.Touch(caller, requestId, now);
    }

    public V1.Engagement ToProto() => new()
    {
        Id = Id,
        Kind = Kind,
        Title = Title,
        HeldOn = HeldOn.ToProto(),
        Location = Location,
        Participants = { Participants.Select(p => new Participant { NationCode = p.Nation, Role = p.Role }) },
        Outcome = Outcome,
        FollowUps = { followUps.OrderBy(f => f.Id, StringComparer.Ordinal).Select(f => f.ToProto()) },
        Audit = Audit.ToProto(),
    };
}

/// <summary>An action agreed at an engagement, with an owner and a due day.</summary>
public sealed class FollowUpAction
{
    public string Id { get; private init; } = Ids.New();
    public string EngagementId { get; init; } = "";
    public string Action { get; init; } = "";
    public string Owner { get; init; } = "";
    public DateOnly DueOn { get; init; }
    public DateOnly? CompletedOn { get; set; }

    public FollowUp ToProto() => new()
    {
        Id = Id,
        Action = Action,
        Owner = Owner,
        DueOn = DueOn.ToProto(),
        CompletedOn = CompletedOn.ToProto(),
    };
}

public sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> b)
    {
        b.ToTable("engagements");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Location).HasMaxLength(200);
        b.Property(x => x.Outcome).HasMaxLength(4000);
        b.Property(x => x.Participants).HasJsonConversion();
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.ComplexProperty(x => x.Audit);
        b.HasMany(x => x.FollowUps).WithOne().HasForeignKey(f => f.EngagementId);
        b.Navigation(x => x.FollowUps).HasField("followUps").AutoInclude();
    }
}

public sealed class FollowUpActionConfiguration : IEntityTypeConfiguration<FollowUpAction>
{
    public void Configure(EntityTypeBuilder<FollowUpAction> b)
    {
        b.ToTable("follow_ups");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.EngagementId).HasMaxLength(32);
        b.Property(x => x.Action).HasMaxLength(500);
        b.Property(x => x.Owner).HasMaxLength(120);
        b.HasIndex(x => new { x.CompletedOn, x.DueOn });
    }
}
