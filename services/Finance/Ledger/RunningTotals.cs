using Coordination.Errors;
using Coordination.Persistence;
using Coordination.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Finance.Ledger;

/// <summary>
/// The running totals of US cents (budget lines, donors, unpaid days, the fund on the ledger head) stay within
/// ±<see cref="ExactMoney.MaxTotalUsdCents"/>. They are written as blind integer additions, so the database checks the
/// bound on every row it writes (a CHECK constraint, the same on both providers): no addition can then reach 64 bits, and
/// SQLite, which would turn an overflowing integer into a float, never gets the chance. A write the check refuses, or an
/// overflow of the service's own (checked) arithmetic, is FAILED_PRECONDITION TOTAL_OUT_OF_RANGE, and nothing is written.
/// </summary>
public static class RunningTotals
{
    public const string OutOfRange = "TOTAL_OUT_OF_RANGE";

    /// <summary>Maps <paramref name="table"/> with a check that keeps each of <paramref name="columns"/> within the bound.</summary>
    public static void ToTableWithBoundedTotals<T>(this EntityTypeBuilder<T> b, string table, params string[] columns) where T : class =>
        b.ToTable(table, t => t.HasCheckConstraint($"CK_{table}_totals",
            string.Join(" AND ", columns.Select(c => $"\"{c}\" BETWEEN -{ExactMoney.MaxTotalUsdCents} AND {ExactMoney.MaxTotalUsdCents}"))));

    /// <summary>True when <paramref name="exception"/> says a write would take a total beyond the bound.</summary>
    public static bool IsOutOfRange(Exception exception) => exception is OverflowException || ServiceDbContext.IsCheckViolation(exception);

    public static PreconditionFailedException Refusal() => new(OutOfRange, "ledger",
        $"The change would take a running total (a budget line's, a donor's or the fund's) beyond {new ExactMoney("USD", ExactMoney.MaxTotalUsdCents)}; nothing was recorded.");
}
