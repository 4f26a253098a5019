using Coordination.Diplomacy.Commitments;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Events;
using Coordination.Messaging;

namespace Coordination.Diplomacy.Partners;

/// <summary>A donor's pledge raises its pledged total.</summary>
public sealed class ContributionPledgedConsumer(DiplomacyDbContext db, ILogger<ContributionPledgedConsumer> logger)
    : IdempotentConsumer<ContributionPledged>(db, logger)
{
    protected override async Task HandleAsync(ContributionPledged message, CancellationToken ct)
    {
        var tally = await PartnerTallies.GetAsync(db, message.Nation, ct);
        tally.PledgedUsdCents += message.UsdCents;
        tally.ContributionsPledged++;
        tally.UpdatedAt = message.OccurredAt;
        tally.Revision++;
    }
}

/// <summary>A deployed contingent adds to its nation's officers on the ground.</summary>
public sealed class ContingentDeployedConsumer(DiplomacyDbContext db, ILogger<ContingentDeployedConsumer> logger)
    : IdempotentConsumer<ContingentDeployed>(db, logger)
{
    protected override async Task HandleAsync(ContingentDeployed message, CancellationToken ct)
    {
        var tally = await PartnerTallies.GetAsync(db, message.Nation, ct);
        tally.DeployedOfficers += message.OfficerCount;
        tally.DeployedContingents++;
        tally.UpdatedAt = message.OccurredAt;
        tally.Revision++;
    }
}

/// <summary>A repatriated contingent no longer counts as deployed.</summary>
public sealed class ContingentRepatriatedConsumer(DiplomacyDbContext db, ILogger<ContingentRepatriatedConsumer> logger)
    : IdempotentConsumer<ContingentRepatriated>(db, logger)
{
    protected override async Task HandleAsync(ContingentRepatriated message, CancellationToken ct)
    {
        var tally = await PartnerTallies.GetAsync(db, message.Nation, ct);
        tally.DeployedOfficers = Math.Max(0, tally.DeployedOfficers - message.OfficerCount);
        tally.DeployedContingents = Math.Max(0, tally.DeployedContingents - 1);
        tally.UpdatedAt = message.OccurredAt;
        tally.Revision++;
    }
}

/// <summary>A nation's pledge of officers counts towards its brief and its open personnel commitments.</summary>
public sealed class PersonnelPledgedConsumer(DiplomacyDbContext db, ILogger<PersonnelPledgedConsumer> logger)
    : IdempotentConsumer<PersonnelPledged>(db, logger)
{
    protected override async Task HandleAsync(PersonnelPledged message, CancellationToken ct)
    {
        var tally = await PartnerTallies.GetAsync(db, message.Nation, ct);
        tally.PledgedOfficers += message.OfficerCount;
        tally.UpdatedAt = message.OccurredAt;
        tally.Revision++;
        await CommitmentLedger.ApplyAsync(db, message.Nation ?? "", CommitmentKind.Personnel, message.OfficerCount,
            CommitmentLedger.PersonnelPledgeSource, message.SubjectId, message.OccurredAt, ct);
    }
}

/// <summary>A donor's payment counts towards its brief and its open funds commitments (in USD).</summary>
public sealed class ContributionPaidConsumer(DiplomacyDbContext db, ILogger<ContributionPaidConsumer> logger)
    : IdempotentConsumer<ContributionPaid>(db, logger)
{
    protected override async Task HandleAsync(ContributionPaid message, CancellationToken ct)
    {
        var tally = await PartnerTallies.GetAsync(db, message.Nation, ct);
        tally.PaidUsdCents += message.UsdCents;
        tally.UpdatedAt = message.OccurredAt;
        tally.Revision++;
        await CommitmentLedger.ApplyAsync(db, message.Nation ?? "", CommitmentKind.Funds, message.UsdCents,
            CommitmentLedger.ContributionSource, message.SubjectId, message.OccurredAt, ct);
    }
}

internal static class PartnerTallies
{
    public static async Task<PartnerTally> GetAsync(DiplomacyDbContext db, string? nation, CancellationToken ct)
    {
        var code = nation ?? "";
        var tally = await db.PartnerTallies.FindAsync([code], ct);
        if (tally is null)
        {
            tally = new PartnerTally { Nation = code };
            db.PartnerTallies.Add(tally);
        }
        return tally;
    }
}
