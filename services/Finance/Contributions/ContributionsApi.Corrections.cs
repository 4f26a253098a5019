using Coordination.Contracts;
using Coordination.Auth;
using Coordination.Errors;
using Coordination.Events;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using Coordination.Persistence;
using Coordination.Validation;
using Coordination.Values;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Contributions;

public sealed partial class ContributionsApi
{
    public override async Task<V1.Contribution> CorrectContribution(CorrectContributionRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.Id(request.Id);
        v.Text(request.Reason, "reason", 1, 500);
        var today = time.Today();
        var amount = request.Amount is null ? null : ExactMoney.FromProto(request.Amount, v, "amount");
        var rateDate = v.OptionalFact(request.RateDate, "rate_date", today);
        if (request.Channel != Channel.Unspecified)
        {
            v.Defined(request.Channel, "channel");
        }
        if (request.HasEarmark)
        {
            v.Text(request.Earmark, "earmark", 0, 200);
        }
        if (request.HasAgreementReference)
        {
            v.Text(request.AgreementReference, "agreement_reference", 0, 100);
        }
        if (request.HasBudgetLineId)
        {
            v.OptionalId(request.BudgetLineId, "budget_line_id");
        }
        var decidedOn = v.OptionalFact(request.DecidedOn, "decided_on", today);
        var reportedOn = v.OptionalFact(request.ReportedOn, "reported_on", today);
        var paidOn = v.OptionalFact(request.PaidOn, "paid_on", today);
        var changesSomething = request.Amount is not null || request.HasUsdExchangeRate || request.RateDate is not null
            || request.Channel != Channel.Unspecified || request.HasEarmark || request.HasAgreementReference || request.HasBudgetLineId
            || request.DecidedOn is not null || request.ReportedOn is not null || request.PaidOn is not null;
        v.Check(changesSomething, "request", "names nothing to correct: give at least one corrected field");
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            var contribution = await db.Contributions.GetAsync(request.Id, "contribution", ct);
            if (contribution.Status == ContributionStatus.Cancelled)
            {
                throw new PreconditionFailedException("CONTRIBUTION_CANCELLED", $"contributions/{contribution.Id}",
                    "A cancelled contribution cannot be corrected; record a new one.");
            }
            var terms = Corrected(contribution, request, amount, rateDate, decidedOn, reportedOn, paidOn);
            if (terms == contribution.Terms)
            {
                throw new RequestValidationException([new FieldViolation("request", "changes nothing: every field given equals the current version")]);
            }
            await EnsureTraceableAsync(contribution, terms, ct);

            var before = FlowFigures.Of(contribution);
            var previousUsd = contribution.UsdCents;
            contribution.Apply(terms);
            var now = time.UtcNow();
            contribution.Audit.Touch(caller, request.RequestId, now);
            var version = await book.AppendAsync(contribution, before, VersionChange.Corrected, request.Reason, null, request.RequestId, ct);
            if (!contribution.IsInternal)
            {
                db.Publish(new ContributionCorrected
                {
                    OccurredAt = now, SubjectId = contribution.Id, Nation = contribution.DonorNation, ContributionVersion = version.Version,
                    Currency = contribution.Currency, AmountMinorUnits = contribution.AmountMinorUnits, UsdCents = contribution.UsdCents,
                    PreviousUsdCents = previousUsd, Reason = request.Reason,
                });
            }
            return contribution.ToProto();
        });
    }

    /// <summary>The terms after the correction; what the request leaves out stays as it is.</summary>
    private static ContributionTerms Corrected(Contribution c, CorrectContributionRequest request, ExactMoney? newAmount,
        DateOnly? rateDate, DateOnly? decidedOn, DateOnly? reportedOn, DateOnly? paidOn)
    {
        var v = new Violations();
        var amount = newAmount ?? c.Amount;
        var currencyChanged = amount.Currency != c.Currency;
        var (usdRate, usdCents, unvalued, newRateDate) = (c.UsdRate, c.UsdCents, c.Unvalued, rateDate ?? (currencyChanged ? null : c.RateDate));
        if (amount != c.Amount || request.HasUsdExchangeRate)
        {
            // Revalue: with the rate given, else with the current one (a new currency must bring its own; an unvalued
            // contribution without one stays unvalued).
            var text = request.HasUsdExchangeRate ? request.UsdExchangeRate : currencyChanged ? "" : c.UsdRate;
            if (amount.Currency != "USD" && !request.HasUsdExchangeRate && !currencyChanged && c.Unvalued)
            {
                (usdRate, usdCents) = ("", 0);
            }
            else if (amount.Currency != "USD" && text.Length == 0)
            {
                // The stored rate values new pledges; a correction names the rate it values at.
                v.Add("usd_exchange_rate", $"required for a new {amount.Currency} amount: USD per one {amount.Currency}, e.g. \"0.7236\"");
                v.Check(newRateDate is not null, "rate_date", $"required for a {amount.Currency} amount: the day the rate applies to");
            }
            else if (UsdValuation.FromRequest(amount, text, newRateDate is not null, newRateDate, false, v) is { } valuation)
            {
                (usdRate, usdCents, unvalued) = (valuation.Rate, valuation.UsdCents, false);
            }
        }
        var channel = request.Channel == Channel.Unspecified ? c.Channel : request.Channel;
        if (c.IsInternal)
        {
            v.Check(amount.Currency == "USD", "amount.currency_code", "an allocation is in USD");
            v.Check(channel == Channel.TrustFund, "channel", "an allocation is trust-fund money");
            v.Check(!request.HasBudgetLineId || request.BudgetLineId.Length > 0, "budget_line_id", "an allocation always goes to a budget line");
        }
        if (paidOn is not null && c.Status != ContributionStatus.Paid)
        {
            v.Add("paid_on", $"only a paid contribution has a payment day; this one is {ProtoEnumNames.Of(c.Status)}");
        }
        v.ThrowIfAny();
        var terms = new ContributionTerms(amount.Currency, amount.MinorUnits, usdRate, newRateDate, usdCents, unvalued, channel,
            request.HasBudgetLineId ? request.BudgetLineId : c.BudgetLineId,
            request.HasEarmark ? request.Earmark : c.Earmark,
            request.HasAgreementReference ? request.AgreementReference : c.AgreementReference,
            decidedOn ?? c.DecidedOn, reportedOn ?? c.ReportedOn, paidOn ?? c.PaidOn);
        // Decided first, then reported and paid: the refusal names the day the correction moved.
        var moved = decidedOn is not null ? "decided_on" : null;
        v.NotBefore(terms.ReportedOn, terms.DecidedOn, moved ?? "reported_on", "the day it was decided");
        if (!v.Any)
        {
            v.NotBefore(terms.PaidOn, terms.DecidedOn, moved ?? "paid_on", "the day it was decided");
        }
        v.ThrowIfAny();
        return terms;
    }

    /// <summary>A correction keeps allocations within their parent and a parent with allocations allocatable.</summary>
    private async Task EnsureTraceableAsync(Contribution contribution, ContributionTerms terms, CancellationToken ct)
    {
        if (contribution.IsInternal)
        {
            var parent = await db.Contributions.AsNoTracking().GetAsync(contribution.ParentId, "contribution", ct);
            Allocations.EnsureDecidedAfterParent(parent, terms.DecidedOn);
            await allocations.EnsureWithinParentAsync(parent, terms.UsdCents, contribution.Id, ct);
            return;
        }
        var allocated = await allocations.AllocatedFromAsync(contribution.Id, "", ct);
        if (allocated == 0)
        {
            return;
        }
        if (terms.Channel != Channel.TrustFund || terms.BudgetLineId.Length > 0 || terms.Unvalued || terms.UsdCents < allocated)
        {
            throw new PreconditionFailedException("ALLOCATION_EXCEEDS_PARENT", $"contributions/{contribution.Id}",
                $"{new ExactMoney("USD", allocated)} of this contribution is allocated to budget lines; a correction must keep it a trust-fund " +
                "contribution without a line, worth at least that much.");
        }
    }
}
