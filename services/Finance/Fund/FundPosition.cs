using System.Globalization;
using Coordination.Finance.Ledger;
using Coordination.Finance.Persistence;
using Coordination.Values;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Finance.Fund;

/// <summary>How the runway is watched. Bound from <c>Finance:Runway</c>.</summary>
public sealed class RunwayOptions
{
    public const string Section = "Finance:Runway";

    /// <summary>FundRunwayLow goes out when the runway falls below this many months.</summary>
    public int WarningMonths { get; set; } = 3;

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// The trust fund's cash on a day. Monthly burn is the disbursements dated in the 90 days up to and including that
/// day, divided by 3 (rounded by the one rule, <see cref="ExactMoney"/>); the runway is the balance divided by it,
/// rounded down to two decimals, so it is never overstated.
/// </summary>
public sealed record FundPosition(DateOnly AsOf, long ReceivedUsdCents, long DisbursedUsdCents, long UnallocatedUsdCents, long MonthlyBurnUsdCents, int WarningMonths)
{
    public const int BurnWindowDays = 90;

    public long BalanceUsdCents => ReceivedUsdCents - DisbursedUsdCents;

    /// <summary>Months the balance lasts at the burn, to two decimals rounded down; null when nothing is being spent.</summary>
    public decimal? RunwayMonths => MonthlyBurnUsdCents <= 0
        ? null
        : BalanceUsdCents <= 0 ? 0m : Math.Floor(BalanceUsdCents * 100m / MonthlyBurnUsdCents) / 100m;

    /// <summary>Compared in whole cents, with no division: balance below WarningMonths × burn.</summary>
    public bool RunwayLow => MonthlyBurnUsdCents > 0 && BalanceUsdCents < (decimal)WarningMonths * MonthlyBurnUsdCents;

    public string RunwayText => RunwayMonths?.ToString("F2", CultureInfo.InvariantCulture) ?? "";

    public static async Task<FundPosition> ReadAsync(FinanceDbContext db, DateOnly today, int warningMonths, CancellationToken ct)
    {
        var head = await db.LedgerHeads.AsNoTracking().SingleAsync(h => h.Id == LedgerHead.SingleId, ct);
        var from = today.AddDays(-BurnWindowDays);
        var spent = await db.Disbursements.Where(d => d.DisbursedOn > from && d.DisbursedOn <= today).SumAsync(d => d.UsdCents, ct);
        var burn = ExactMoney.FromDecimal("USD", spent / 300m).MinorUnits;
        return new FundPosition(today, head.ReceivedUsdCents, head.DisbursedUsdCents, head.UnallocatedUsdCents, burn, warningMonths);
    }
}
