using Coordination.Diplomacy.Commitments;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Events;
using Coordination.Messaging;

namespace Coordination.Diplomacy.Partners;

/// <summary>
/// A donor's pledge raises its pledged total, unless its suspension was heard of first; goods pledged in kind (finance's
/// IN_KIND channel) also count apart, for the appeal's goods-in-kind line.
/// </summary>
public sealed class ContributionPledgedConsumer(DiplomacyDbContext db, ILogger<ContributionPledgedConsumer> logger)
    : IdempotentConsumer<ContributionPledged>(db, logger)
{
    protected override async Task HandleAsync(ContributionPledged message, CancellationToken ct)
    {
        var view = await ContributionViews.GetAsync(db, message.SubjectId, message.Nation, ct);
        view.PledgedUsdCents = message.UsdCents;
        view.InKind = message.Channel == InKindChannel;
        view.Revision++;
        var tally = await PartnerTallies.GetAsync(db, message.Nation, ct);
        tally.ContributionsPledged++;
        tally.InKindPledges += view.InKind ? 1 : 0;
        ContributionViews.Count(tally, view, view.Suspended ? 0 : message.UsdCents);
        tally.UpdatedAt = message.OccurredAt;
        tally.Revision++;
    }

    /// <summary>Finance's channel of goods pledged in kind.</summary>
    public const string InKindChannel = "IN_KIND";
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
        // Home, its equipment no longer reduces what the nation has in the mission area, even if a report arrives late.
        var capability = await db.ContingentCapabilities.FindAsync([message.SubjectId], ct);
        if (capability is null)
        {
            capability = new ContingentCapability { ContingentId = message.SubjectId, Nation = message.Nation ?? "" };
            db.ContingentCapabilities.Add(capability);
        }
        capability.Repatriated = true;
        capability.Revision++;
    }
}

/// <summary>
/// A contingent's capability as personnel reports it from its equipment's inspections, for its nation's brief: the
/// highest-numbered report wins; a repatriated contingent no longer counts (<see cref="ContingentRepatriatedConsumer"/>).
/// </summary>
public sealed class ContingentCapabilityChangedConsumer(DiplomacyDbContext db, ILogger<ContingentCapabilityChangedConsumer> logger)
    : IdempotentConsumer<ContingentCapabilityChanged>(db, logger)
{
    protected override async Task HandleAsync(ContingentCapabilityChanged message, CancellationToken ct)
    {
        var capability = await db.ContingentCapabilities.FindAsync([message.SubjectId], ct);
        if (capability is null)
        {
            capability = new ContingentCapability { ContingentId = message.SubjectId };
            db.ContingentCapabilities.Add(capability);
        }
        else if (message.Sequence <= capability.Sequence)
        {
            return;
        }
        capability.Nation = message.Nation ?? "";
        capability.Reduced = message.ReducedCapability;
        capability.InspectedOn = message.InspectedOn;
        capability.Sequence = message.Sequence;
        capability.Revision++;
    }
}

/// <summary>
/// A nation's pledge of officers counts towards its brief and its open personnel commitments, once per pledge, and
/// not at all when its withdrawal arrived first (see <see cref="PledgeWithdrawnConsumer"/>).
/// </summary>
public sealed class PersonnelPledgedConsumer(DiplomacyDbContext db, ILogger<PersonnelPledgedConsumer> logger)
    : IdempotentConsumer<PersonnelPledged>(db, logger)
{
    protected override async Task HandleAsync(PersonnelPledged message, CancellationToken ct)
    {
        var nation = message.Nation ?? "";
        var view = await db.PledgeViews.FindAsync([message.SubjectId], ct);
        if (view is null)
        {
            view = new PledgeView { PledgeId = message.SubjectId, Nation = nation };
            db.PledgeViews.Add(view);
        }
        else if (view.PledgedAt is not null)
        {
            return; // the same pledge announced again under another message id: it counted the first time
        }
        else
        {
            view.Revision++;
        }
        view.PledgedAt = message.OccurredAt;
        if (view.Withdrawn)
        {
            return; // withdrawn before this arrived: remembered, but it never counts
        }
        view.OfficersCounted = message.OfficerCount;

        var tally = await PartnerTallies.GetAsync(db, message.Nation, ct);
        tally.PledgedOfficers += message.OfficerCount;
        tally.UpdatedAt = message.OccurredAt;
        tally.Revision++;
        await CommitmentLedger.ApplyAsync(db, nation, CommitmentKind.Personnel, message.OfficerCount,
            CommitmentLedger.PersonnelPledgeSource, message.SubjectId, message.OccurredAt, ct);
    }
}

/// <summary>
/// A withdrawn pledge no longer counts: the officers it added to the nation's pledged officers come off the brief,
/// and whatever it counted towards commitments is taken back, so each such commitment's state follows from what is
/// left (FULFILLED becomes PARTLY_FULFILLED or OPEN, or SLIPPING once past due). What it frees is not refilled from
/// other pledges. A redelivery (same message id) is dropped by the base class; a second withdrawal of the same
/// pledge under another message id finds it withdrawn already and changes nothing.
/// <para>
/// Out of order: a withdrawal that arrives before its PersonnelPledged finds no <see cref="PledgeView"/> and
/// nothing counted, so it takes nothing back (counts never go negative). It is remembered as a withdrawn pledge
/// that counted nothing, and the PersonnelPledged that arrives later for the same pledge id counts nothing,
/// neither in the brief nor towards commitments: the end state is the same as in order.
/// </para>
/// <para>
/// Pledges heard before pledge views existed have no view either. When such a pledge had counted towards a
/// commitment (a fulfilment names it), it was certainly heard, so the withdrawal takes back the fulfilments and its
/// officer count from the brief (never below 0). One that counted towards no commitment cannot be told apart from
/// an early withdrawal and is treated as one: the brief keeps its officers.
/// </para>
/// </summary>
public sealed class PledgeWithdrawnConsumer(DiplomacyDbContext db, ILogger<PledgeWithdrawnConsumer> logger)
    : IdempotentConsumer<PledgeWithdrawn>(db, logger)
{
    public const string Reason = "pledge-withdrawn";

    protected override async Task HandleAsync(PledgeWithdrawn message, CancellationToken ct)
    {
        var nation = message.Nation ?? "";
        var view = await db.PledgeViews.FindAsync([message.SubjectId], ct);
        if (view is { Withdrawn: true })
        {
            return;
        }
        var taken = await CommitmentLedger.WithdrawAsync(db, nation, CommitmentLedger.PersonnelPledgeSource, message.SubjectId,
            Reason, message.OccurredAt, ct);
        int officers;
        if (view is null)
        {
            view = new PledgeView { PledgeId = message.SubjectId, Nation = nation };
            db.PledgeViews.Add(view);
            officers = taken > 0 ? message.OfficerCount : 0;
        }
        else
        {
            officers = view.OfficersCounted;
            view.Revision++;
        }
        view.OfficersCounted = 0;
        view.WithdrawnOn = message.WithdrawnOn;
        view.WithdrawnAt = message.OccurredAt;

        if (officers > 0)
        {
            var tally = await PartnerTallies.GetAsync(db, message.Nation, ct);
            tally.PledgedOfficers = Math.Max(0, tally.PledgedOfficers - officers);
            tally.UpdatedAt = message.OccurredAt;
            tally.Revision++;
        }
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

/// <summary>
/// A suspended contribution (finance suspends only pledged or committed money, never a payment) no longer counts
/// in what its donor has pledged against its funds commitments: the brief's and the appeal's pledged USD drop by its
/// value until the suspension is lifted (<see cref="ContributionReinstatedConsumer"/>). The latest status change
/// wins: a suspension older than a reinstatement already heard of changes nothing.
/// </summary>
public sealed class ContributionSuspendedConsumer(DiplomacyDbContext db, ILogger<ContributionSuspendedConsumer> logger)
    : IdempotentConsumer<ContributionSuspended>(db, logger)
{
    protected override async Task HandleAsync(ContributionSuspended message, CancellationToken ct)
    {
        var view = await ContributionViews.GetAsync(db, message.SubjectId, message.Nation, ct);
        if (!ContributionViews.IsNewer(view, message.OccurredAt) || view.Suspended)
        {
            return;
        }
        view.Suspended = true;
        view.StatusChangedAt = message.OccurredAt;
        view.Revision++;
        await ContributionViews.CountAsync(db, view, -view.PledgedUsdCents, message.OccurredAt, ct);
    }
}

/// <summary>A lifted suspension counts the contribution in its donor's pledged USD again, at its latest value.</summary>
public sealed class ContributionReinstatedConsumer(DiplomacyDbContext db, ILogger<ContributionReinstatedConsumer> logger)
    : IdempotentConsumer<ContributionReinstated>(db, logger)
{
    protected override async Task HandleAsync(ContributionReinstated message, CancellationToken ct)
    {
        var view = await ContributionViews.GetAsync(db, message.SubjectId, message.Nation, ct);
        if (!ContributionViews.IsNewer(view, message.OccurredAt))
        {
            return;
        }
        var wasSuspended = view.Suspended;
        view.Suspended = false;
        view.StatusChangedAt = message.OccurredAt;
        view.Revision++;
        if (wasSuspended && view.PledgedUsdCents > 0)
        {
            // Taken off at the value it had; counted again at its latest value.
            await ContributionViews.CountAsync(db, view, message.UsdCents, message.OccurredAt, ct);
            view.PledgedUsdCents = message.UsdCents;
        }
    }
}

/// <summary>Finds or starts the view of one contribution.</summary>
public static class ContributionViews
{
    public static async Task<ContributionView> GetAsync(DiplomacyDbContext db, string contributionId, string? nation, CancellationToken ct)
    {
        var view = await db.ContributionViews.FindAsync([contributionId], ct);
        if (view is null)
        {
            view = new ContributionView { ContributionId = contributionId, Nation = nation ?? "" };
            db.ContributionViews.Add(view);
        }
        return view;
    }

    /// <summary>Adds <paramref name="usdCents"/> (negative to take off) to the donor's pledged USD, never below 0.</summary>
    public static async Task CountAsync(DiplomacyDbContext db, ContributionView view, long usdCents, DateTime at, CancellationToken ct)
    {
        if (usdCents == 0)
        {
            return;
        }
        var tally = await PartnerTallies.GetAsync(db, view.Nation, ct);
        Count(tally, view, usdCents);
        tally.UpdatedAt = at;
        tally.Revision++;
    }

    /// <summary>Adds <paramref name="usdCents"/> to the pledged USD, and to the goods in kind for an in-kind contribution, never below 0.</summary>
    public static void Count(PartnerTally tally, ContributionView view, long usdCents)
    {
        tally.PledgedUsdCents = Math.Max(0, tally.PledgedUsdCents + usdCents);
        if (view.InKind)
        {
            tally.InKindPledgedUsdCents = Math.Max(0, tally.InKindPledgedUsdCents + usdCents);
        }
    }

    /// <summary>Whether a status change at <paramref name="at"/> is later than the latest one heard of.</summary>
    public static bool IsNewer(ContributionView view, DateTime at) => view.StatusChangedAt is not { } seen || at > seen;
}

/// <summary>
/// Why diplomacy reads its tallies to change them, where finance and personnel add to theirs in one statement
/// (<see cref="Coordination.Persistence.RunningTotalsBatch"/>): a change here is not only an addition — a repatriation
/// clamps at zero, a site keeps its latest status by the event's time — and it comes from events, a few a day, not from
/// a hot path. Concurrent events about one row cannot lose an update: <c>Revision</c> is a concurrency token, so the
/// second save fails and the consumer's retry reads the row again.
/// </summary>
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
