using Coordination.Finance.V1;
using Coordination.Persistence;
using Xunit;
using BudgetLine = Coordination.Finance.Budget.BudgetLine;

namespace Coordination.Tests.Unit;

/// <summary>What a budget line carries into its successor, what it may then disburse, and how spending shows beside it.</summary>
public sealed class BudgetLineCarryOverTests
{
    private static BudgetLine Line(long requirement, long paidIn = 0)
    {
        var line = BudgetLine.Create("period", BudgetCategory.Logistics, "Convoys", requirement, Audit.System("test", DateTime.UtcNow));
        line.PaidInUsdCents = line.FundedUsdCents = paidIn;
        return line;
    }

    [Fact]
    public void A_line_carries_what_was_paid_in_and_not_disbursed_and_may_then_disburse_nothing_more_without_an_advance()
    {
        var old = Line(500_000, paidIn: 300_000);
        old.Disburse(120_000, advance: false);
        var next = Line(400_000);

        Assert.Equal(180_000, old.CarryOverTo(next));
        Assert.Equal((180_000L, 0L, 180_000L), (old.CarriedOutUsdCents, old.AvailableUsdCents, next.CarriedInUsdCents));
        Assert.Equal((180_000L, 180_000L, 220_000L), (next.AvailableUsdCents, next.CoveredUsdCents, next.GapUsdCents));
        Assert.Throws<Coordination.Errors.PreconditionFailedException>(() => old.Disburse(1, advance: false));
        Assert.Equal(0, old.CarryOverTo(next)); // nothing left to carry a second time
    }

    [Fact]
    public void A_line_disbursed_beyond_what_was_paid_in_carries_nothing()
    {
        var old = Line(500_000, paidIn: 100_000);
        old.Disburse(150_000, advance: true);
        var next = Line(0);

        Assert.Equal(0, old.CarryOverTo(next));
        Assert.Equal((0L, 0L), (old.CarriedOutUsdCents, next.CarriedInUsdCents));
    }

    [Fact]
    public void Spending_and_write_offs_are_kept_apart_from_the_cash_a_line_holds()
    {
        var line = Line(500_000, paidIn: 200_000);
        line.Spend(380_050, 17_850);

        Assert.Equal((380_050L, 17_850L, 200_000L), (line.SpentUsdCents, line.WrittenOffUsdCents, line.AvailableUsdCents));
    }
}
