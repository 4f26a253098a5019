using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Errors;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Validation;
using Coordination.Values;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Rates;

/// <summary>Stored exchange rates: finance officers and mission admins record them; every authenticated caller reads them.</summary>
public sealed class ExchangeRatesApi(FinanceDbContext db, Writes writes, TimeProvider time) : ExchangeRateService.ExchangeRateServiceBase
{
    public override async Task<V1.ExchangeRate> RecordExchangeRate(RecordExchangeRateRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var v = new Violations();
        v.RequestId(request.RequestId);
        if (v.CurrencyCode(request.CurrencyCode, "currency_code"))
        {
            v.Check(request.CurrencyCode != "USD", "currency_code", "USD is worth 1 USD; record rates of other currencies");
        }
        ExactMoney.ReadRate(request.UsdPerUnit, v, "usd_per_unit");
        var day = v.RequiredFact(request.RateDate, "rate_date", time.Today());
        v.ThrowIfAny();
        var ct = context.CancellationToken;

        // Under the ledger lock like every finance write, so two calls for the same day cannot both pass the check.
        return await writes.ExecuteAsync(request, request.RequestId, caller, context, async () =>
        {
            if (await db.ExchangeRates.AnyAsync(r => r.Currency == request.CurrencyCode && r.RateDate == day, ct))
            {
                throw new ResourceAlreadyExistsException("exchange rate", $"{request.CurrencyCode}/{day:yyyy-MM-dd}",
                    $"{request.CurrencyCode} already has a rate for {day:yyyy-MM-dd}.");
            }
            var rate = new ExchangeRate
            {
                Currency = request.CurrencyCode, RateDate = day!.Value, UsdPerUnit = request.UsdPerUnit,
                Audit = Audit.Created(caller, request.RequestId, time.UtcNow()),
            };
            db.ExchangeRates.Add(rate);
            return ToProto(rate);
        });
    }

    public override async Task<ListExchangeRatesResponse> ListExchangeRates(ListExchangeRatesRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var cursor = Paging.Read(request.Page, v);
        if (request.CurrencyCode.Length > 0)
        {
            v.CurrencyCode(request.CurrencyCode, "currency_code");
        }
        v.ThrowIfAny();
        var query = db.ExchangeRates.AsNoTracking();
        if (request.CurrencyCode.Length > 0)
        {
            query = query.Where(r => r.Currency == request.CurrencyCode);
        }
        var (items, page) = await query.ToPageAsync(cursor, context.CancellationToken);
        return new ListExchangeRatesResponse
        {
            Rates = { items.OrderBy(r => r.Currency, StringComparer.Ordinal).ThenByDescending(r => r.RateDate).Select(ToProto) },
            Page = page,
        };
    }

    private static V1.ExchangeRate ToProto(ExchangeRate rate) => new()
    {
        Id = rate.Id,
        CurrencyCode = rate.Currency,
        UsdPerUnit = rate.UsdPerUnit,
        RateDate = rate.RateDate.ToProto(),
        Audit = rate.Audit.ToProto(),
    };
}
