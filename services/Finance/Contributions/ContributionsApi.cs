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

/// <summary>gRPC surface of contributions. Finance officers and mission admins act for any donor, a contributor for its own nation.</summary>
public sealed class ContributionsApi(FinanceDbContext db, IdempotentRequests requests, TimeProvider time)
    : ContributionService.ContributionServiceBase
{
    private static readonly string[] Officers = [Roles.FinanceOfficer, Roles.MissionAdmin];

    public override Task<V1.Contribution> RecordContribution(RecordContributionRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        v.NationCode(request.DonorNationCode, "donor_nation_code");
        var amount = ExactMoney.FromProto(request.Amount, v, "amount");
        v.Defined(request.Channel, "channel");
        var decidedOn = v.RequiredDate(request.DecidedOn, "decided_on");
        v.Text(request.Earmark, "earmark", 0, 200);
        v.Text(request.AgreementReference, "agreement_reference", 0, 100);
        var (rate, rateText, rateDate) = ReadRate(request, amount, v);
        v.ThrowIfAny();
        caller.RequireNationAccess(request.DonorNationCode, "record contributions", Officers);

        return requests.ExecuteAsync(request, request.RequestId, caller, context, () =>
        {
            var now = time.UtcNow();
            var contribution = Contribution.Pledge(request.DonorNationCode, amount!.Value, rate, rateText, rateDate,
                request.Channel, decidedOn!.Value, request.Earmark, request.AgreementReference,
                Audit.Created(caller, request.RequestId, now));
            db.Contributions.Add(contribution);
            db.Publish(new ContributionPledged
            {
                OccurredAt = now,
                SubjectId = contribution.Id,
                Nation = contribution.DonorNation,
                Currency = contribution.Currency,
                AmountMinorUnits = contribution.AmountMinorUnits,
                UsdCents = contribution.UsdCents,
                Channel = ChannelName(contribution.Channel),
            });
            return Task.FromResult(contribution.ToProto());
        });
    }

    public override async Task<V1.Contribution> GetContribution(GetContributionRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.Id(request.Id);
        v.ThrowIfAny();
        var contribution = await db.Contributions.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.Id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("contribution", request.Id);
        caller.RequireNationAccess(contribution.DonorNation, "read contributions", Officers);
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
        v.ThrowIfAny();
        if (!caller.IsContributor)
        {
            caller.RequireRole("list contributions", Officers);
        }
        var donor = caller.ScopeNationFilter(request.DonorNationCode, "list the contributions");

        var query = db.Contributions.AsNoTracking();
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
            ? v.RequiredDate(request.EffectiveOn, "effective_on")
            : v.OptionalDate(request.EffectiveOn, "effective_on");
        v.Text(request.Reason, "reason", request.Status is ContributionStatus.Suspended or ContributionStatus.Cancelled ? 1 : 0, 500);
        v.ThrowIfAny();
        caller.RequireRole("change contribution status", Officers);
        var contribution = await db.Contributions.FirstOrDefaultAsync(c => c.Id == request.Id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("contribution", request.Id);

        return await requests.ExecuteAsync(request, request.RequestId, caller, context, () =>
        {
            var now = time.UtcNow();
            db.ContributionStatusChanges.Add(contribution.MoveTo(request.Status, effectiveOn, request.Reason, caller.Subject, now));
            contribution.Audit.Touch(caller, request.RequestId, now);
            IntegrationEvent? announcement = contribution.Status switch
            {
                ContributionStatus.Committed => new ContributionCommitted
                {
                    OccurredAt = now, SubjectId = contribution.Id, Nation = contribution.DonorNation,
                    Currency = contribution.Currency, AmountMinorUnits = contribution.AmountMinorUnits, UsdCents = contribution.UsdCents,
                },
                ContributionStatus.Paid => new ContributionPaid
                {
                    OccurredAt = now, SubjectId = contribution.Id, Nation = contribution.DonorNation,
                    Currency = contribution.Currency, AmountMinorUnits = contribution.AmountMinorUnits, UsdCents = contribution.UsdCents,
                    PaidOn = effectiveOn!.Value,
                },
                ContributionStatus.Suspended => new ContributionSuspended
                {
                    OccurredAt = now, SubjectId = contribution.Id, Nation = contribution.DonorNation, Reason = request.Reason,
                },
                _ => null,
            };
            if (announcement is not null)
            {
                db.Publish(announcement);
            }
            return Task.FromResult(contribution.ToProto());
        });
    }

    /// <summary>USD needs no rate (it is 1); any other currency needs the rate and the day it applies to.</summary>
    private static (decimal Rate, string Text, DateOnly? Date) ReadRate(RecordContributionRequest request, ExactMoney? amount, Violations v)
    {
        var rateDate = v.OptionalDate(request.RateDate, "rate_date");
        if (amount is null)
        {
            return (1m, "1", rateDate);
        }
        if (amount.Value.Currency == "USD")
        {
            if (request.UsdExchangeRate.Length > 0 && ExactMoney.ParseRate(request.UsdExchangeRate) != 1m)
            {
                v.Add("usd_exchange_rate", "must be empty or 1 for a USD amount");
            }
            return (1m, "1", rateDate);
        }
        var rate = ExactMoney.ParseRate(request.UsdExchangeRate);
        if (rate is null)
        {
            v.Add("usd_exchange_rate", request.UsdExchangeRate.Length == 0
                ? $"required for a {amount.Value.Currency} amount: USD per one {amount.Value.Currency}, e.g. \"0.7236\""
                : "must be a positive decimal written with digits and one '.', e.g. \"0.7236\"");
        }
        else if (!amount.Value.TryConvertTo("USD", rate.Value, out _))
        {
            v.Add("usd_exchange_rate", "gives a USD value too large to record; check the rate's decimal point");
        }
        if (request.RateDate is null)
        {
            v.Add("rate_date", $"required for a {amount.Value.Currency} amount: the day the rate applies to");
        }
        return (rate ?? 0m, request.UsdExchangeRate, rateDate);
    }

    private static string ChannelName(Channel channel) => channel switch
    {
        Channel.TrustFund => "TRUST_FUND",
        Channel.Bilateral => "BILATERAL",
        Channel.InKind => "IN_KIND",
        _ => channel.ToString(),
    };
}
