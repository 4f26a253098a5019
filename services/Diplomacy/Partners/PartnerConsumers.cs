using Coordination.Diplomacy.Persistence;
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
