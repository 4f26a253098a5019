using Coordination.Auth;
using Coordination.Errors;
using Coordination.Events;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Coordination.Values;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Contributions;

/// <summary>
/// gRPC surface of contributions. Finance officers and mission admins act for any donor; a contributor records and
/// reads its own nation's, and its pledges reach no budget line until finance puts them there. Every write holds the
/// ledger lock and appends a version; allocations are internal and announce nothing.
/// </summary>
public sealed partial class ContributionsApi(
    FinanceDbContext db, ContributionBook book, Allocations allocations, Writes writes, TimeProvider time)
    : ContributionService.ContributionServiceBase
{
    public override async Task<V1.Contribution> RecordContribution(RecordContributionRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var today = time.Today();
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.NationCode(request.DonorNationCode, "donor_nation_code");
        var amount = ExactMoney.FromProto(request.Amount, v, "amount");
        v.Defined(request.Channel, "channel");
        var decidedOn = v.RequiredFact(request.DecidedOn, "decided_on", today);
        var reportedOn = v.OptionalFact(request.ReportedOn, "reported_on", today);
        v.NotBefore(reportedOn, decidedOn, "reported_on", "decided_on");
        v.Text(request.Earmark, "earmark", 0, 200);
        v.Text(request.AgreementReference, "agreement_reference", 0, 100);
        v.OptionalId(request.BudgetLineId, "budget_line_id");
        var rateDate = v.OptionalFact(request.RateDate, "rate_date", today);
        var given = amount is { } money
            ? UsdValuation.FromRequest(money, request.UsdExchangeRate, request.RateDate is not null, rateDate, !caller.ActsForMission, v)
            : null;
        v.ThrowIfAny();
        if (request.BudgetLineId.Length > 0)
        {
            // A line's pledged and funded totals are the mission's coverage: money reaches a line by finance's act (this
            // field from a finance officer, or an allocation), never by the donor's own, which could fill any line.
            caller.RequireMission("earmark a pledge to a budget line (budget_line_id): finance does, when it records the flow or allocates trust-fund money");
        }
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var valuation = given ?? await UsdValuation.AtStoredRateAsync(db.ExchangeRates.AsNoTracking(), amount!.Value, today, ct);
            var now = time.UtcNow();
            var terms = new ContributionTerms(amount!.Value.Currency, amount.Value.MinorUnits, valuation.Rate, valuation.RateDate, valuation.UsdCents, false,
                request.Channel, request.BudgetLineId, request.Earmark, request.AgreementReference, decidedOn!.Value,
                reportedOn ?? Later(decidedOn.Value, today), null);
            var contribution = await book.RecordAsync(request.DonorNationCode, "", ContributionStatus.Pledged, terms,
                Audit.Created(caller, request.RequestId, now), request.RequestId, ct);
            db.Publish(Pledged(contribution, now));
            return contribution.ToProto();
        });
    }

    public override async Task<V1.Contribution> GetContribution(GetContributionRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var contribution = await ReadableAsync(caller, request.Id, context.CancellationToken);
        return contribution.ToProto();
    }

    public override async Task<ListContributionsResponse> ListContributions(ListContributionsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        if (request.DonorNationCode.Length > 0)
        {
            v.NationCode(request.DonorNationCode, "donor_nation_code");
        }
        v.OptionalId(request.ParentId, "parent_id");
        v.ThrowIfAny();
        var donor = caller.NationScope(request.DonorNationCode, "list the contributions");

        // Donor contributions by default; a parent's allocations when asked, never both in one list.
        var query = db.Contributions.AsNoTracking().Where(c => c.ParentId == request.ParentId);
        if (donor.Length > 0)
        {
            query = query.Where(c => c.DonorNation == donor);
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        return new ListContributionsResponse { Contributions = { items.Select(c => c.ToProto()) }, Page = page };
    }

    public override async Task<V1.Contribution> ChangeContributionStatus(ChangeContributionStatusRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        v.Defined(request.Status, "status");
        var effectiveOn = request.Status == ContributionStatus.Paid
            ? v.RequiredFact(request.EffectiveOn, "effective_on", time.Today())
            : v.OptionalFact(request.EffectiveOn, "effective_on", time.Today());
        v.Text(request.Reason, "reason", request.Status is ContributionStatus.Suspended or ContributionStatus.Cancelled ? 1 : 0, 500);
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var contribution = await db.Contributions.GetAsync(request.Id, "contribution", ct);
            var before = FlowFigures.Of(contribution);
            var lifted = contribution.Status == ContributionStatus.Suspended && request.Status != ContributionStatus.Cancelled;
            contribution.MoveTo(request.Status, effectiveOn);
            await allocations.EnsureStatusChangeAllowedAsync(contribution, request.Status, ct);
            await EnsureInOrderAsync(contribution, effectiveOn, ct);
            var now = time.UtcNow();
            contribution.Audit.Touch(caller, request.RequestId, now);
            await book.AppendAsync(contribution, before, VersionChange.StatusChanged, request.Reason, effectiveOn, request.RequestId, ct);
            if (!contribution.IsInternal && Announcement(contribution, lifted, request.Reason, effectiveOn, now) is { } announcement)
            {
                db.Publish(announcement);
            }
            return contribution.ToProto();
        });
    }

    /// <summary>A status change takes effect neither before the contribution was decided nor before its previous steps (paid after committed).</summary>
    private async Task EnsureInOrderAsync(Contribution contribution, DateOnly? effectiveOn, CancellationToken ct)
    {
        if (effectiveOn is null)
        {
            return;
        }
        var v = new Violations();
        var previous = await db.ContributionVersions.Where(x => x.ContributionId == contribution.Id).MaxAsync(x => x.EffectiveOn, ct);
        v.NotBefore(effectiveOn, contribution.DecidedOn, "effective_on", "the day the contribution was decided");
        if (!v.Any)
        {
            v.NotBefore(effectiveOn, previous, "effective_on", "the day its previous status change took effect");
        }
        v.ThrowIfAny();
    }

    public override async Task<ListContributionVersionsResponse> ListContributionVersions(ListContributionVersionsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        var contribution = await ReadableAsync(caller, request.Id, ct);
        var (items, page) = await db.ContributionVersions.AsNoTracking().Where(x => x.ContributionId == contribution.Id).ToPageAsync(cursor, ct);
        return new ListContributionVersionsResponse { Versions = { items.OrderBy(x => x.Version).Select(x => x.ToProto(contribution)) }, Page = page };
    }

    /// <summary>Loads a contribution the caller may read: officers any; a contributor its own nation's (an allocation's donor is its parent's).</summary>
    private async Task<Contribution> ReadableAsync(Caller caller, string id, CancellationToken ct)
    {
        var v = new Violations();
        v.Id(id);
        v.ThrowIfAny();
        var contribution = await db.Contributions.AsNoTracking().GetAsync(id, "contribution", ct);
        caller.RequireNation(contribution.DonorNation, "read contributions");
        return contribution;
    }

    /// <summary>The day a flow reached the mission: today, or the day it was decided when that is already tomorrow by UTC.</summary>
    private static DateOnly Later(DateOnly decidedOn, DateOnly today) => decidedOn > today ? decidedOn : today;

    /// <summary>The event announcing a new pledge, whoever recorded it (a caller, or an in-kind pledge from logistics).</summary>
    internal static ContributionPledged Pledged(Contribution c, DateTime now) => new()
    {
        OccurredAt = now,
        SubjectId = c.Id,
        Nation = c.DonorNation,
        Currency = c.Currency,
        AmountMinorUnits = c.AmountMinorUnits,
        UsdCents = c.UsdCents,
        Channel = ContributionLifecycle.Name(c.Channel),
    };

    /// <summary>What a status change announces: a lifted suspension is a reinstatement (back to PLEDGED or COMMITTED), not a new step.</summary>
    private static IntegrationEvent? Announcement(Contribution c, bool lifted, string reason, DateOnly? effectiveOn, DateTime now) => lifted
        ? new ContributionReinstated
        {
            OccurredAt = now, SubjectId = c.Id, Nation = c.DonorNation, Status = ContributionLifecycle.Name(c.Status), UsdCents = c.UsdCents,
        }
        : c.Status switch
    {
        ContributionStatus.Committed => new ContributionCommitted
        {
            OccurredAt = now, SubjectId = c.Id, Nation = c.DonorNation,
            Currency = c.Currency, AmountMinorUnits = c.AmountMinorUnits, UsdCents = c.UsdCents,
        },
        ContributionStatus.Paid => new ContributionPaid
        {
            OccurredAt = now, SubjectId = c.Id, Nation = c.DonorNation,
            Currency = c.Currency, AmountMinorUnits = c.AmountMinorUnits, UsdCents = c.UsdCents,
            PaidOn = effectiveOn!.Value,
        },
        ContributionStatus.Suspended => new ContributionSuspended
        {
            OccurredAt = now, SubjectId = c.Id, Nation = c.DonorNation, Reason = reason,
        },
        _ => null,
    };
}
