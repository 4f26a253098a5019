using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Events;
using Coordination.Finance.Persistence;
using Coordination.Finance.V1;
using Coordination.Tests.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.Finance;

/// <summary>The steps finance specifications share: each one a real call through the gateway, or an event on the real broker.</summary>
public sealed class FinanceDesk(SuiteHost suite)
{
    public string Officer { get; } = TestTokens.For("HTI", Roles.FinanceOfficer);

    public ContributionService.ContributionServiceClient Contributions(string? token = null) =>
        suite.ViaGateway<ContributionService.ContributionServiceClient>(token ?? Officer);

    public BudgetService.BudgetServiceClient Budget(string? token = null) => suite.ViaGateway<BudgetService.BudgetServiceClient>(token ?? Officer);

    public DisbursementService.DisbursementServiceClient Disbursements(string? token = null) =>
        suite.ViaGateway<DisbursementService.DisbursementServiceClient>(token ?? Officer);

    public FinanceReportService.FinanceReportServiceClient Reports(string? token = null) =>
        suite.ViaGateway<FinanceReportService.FinanceReportServiceClient>(token ?? Officer);

    public LedgerService.LedgerServiceClient Ledger(string? token = null) => suite.ViaGateway<LedgerService.LedgerServiceClient>(token ?? Officer);

    public ExchangeRateService.ExchangeRateServiceClient Rates(string? token = null) =>
        suite.ViaGateway<ExchangeRateService.ExchangeRateServiceClient>(token ?? Officer);

    public static Money Usd(long units, int nanos = 0) => new() { CurrencyCode = "USD", Units = units, Nanos = nanos };

    public static Money Amount(string currency, long units, int nanos = 0) => new() { CurrencyCode = currency, Units = units, Nanos = nanos };

    /// <summary>Publishes an event as another service would, on the real broker under this suite's prefix.</summary>
    public async Task PublishAsync<T>(T message) where T : IntegrationEvent =>
        await suite.Service("finance").Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = message.EventId);

    /// <summary>Opens a budget period the way diplomacy does (MandateAdopted) and waits until finance lists it.</summary>
    public async Task<Coordination.Finance.V1.BudgetPeriod> OpenPeriodAsync(string symbol, DateOnly start, DateOnly end)
    {
        await PublishAsync(new MandateAdopted
        {
            OccurredAt = DateTime.UtcNow,
            SubjectId = NewId(),
            ResolutionSymbol = symbol,
            AdoptedOn = start,
            PeriodStart = start,
            PeriodEnd = end,
            PersonnelCeiling = 2_500,
        });
        var periods = await Eventually.Get(
            () => Budget().ListBudgetPeriodsAsync(new ListBudgetPeriodsRequest { Page = new PageRequest { PageSize = 500 } }).ResponseAsync,
            p => p.Periods.Any(x => x.ResolutionSymbol == symbol), what: $"finance to open the period of {symbol}");
        return periods.Periods.Single(x => x.ResolutionSymbol == symbol);
    }

    public Task<Coordination.Finance.V1.BudgetLine> LineAsync(string periodId, BudgetCategory category, long usd) =>
        Budget().CreateBudgetLineAsync(new CreateBudgetLineRequest
        {
            RequestId = NewId(), BudgetPeriodId = periodId, Category = category, Amount = Usd(usd), Description = $"{category} requirement",
        }).ResponseAsync;

    public Task<Contribution> PledgeAsync(string donor, long usd, string budgetLineId = "", Date? decidedOn = null, Channel channel = Channel.TrustFund) =>
        Contributions().RecordContributionAsync(new RecordContributionRequest
        {
            RequestId = NewId(), DonorNationCode = donor, Amount = Usd(usd), Channel = channel,
            DecidedOn = decidedOn ?? Day(2025, 1, 15), BudgetLineId = budgetLineId,
        }).ResponseAsync;

    public Task<Contribution> MoveAsync(string id, ContributionStatus status, Date? on = null, string reason = "") =>
        Contributions().ChangeContributionStatusAsync(new ChangeContributionStatusRequest
        {
            RequestId = NewId(), Id = id, Status = status, EffectiveOn = on ?? Day(2025, 2, 1), Reason = reason,
        }).ResponseAsync;

    /// <summary>Pledged, committed, then paid.</summary>
    public async Task<Contribution> PaidAsync(string donor, long usd, string budgetLineId = "")
    {
        var pledge = await PledgeAsync(donor, usd, budgetLineId);
        await MoveAsync(pledge.Id, ContributionStatus.Committed);
        return await MoveAsync(pledge.Id, ContributionStatus.Paid);
    }

    public Task<Contribution> AllocateAsync(string parentId, string lineId, long usd) =>
        Contributions().AllocateContributionAsync(new AllocateContributionRequest
        {
            RequestId = NewId(), ParentId = parentId, BudgetLineId = lineId, Amount = Usd(usd), DecidedOn = Day(2025, 2, 10),
        }).ResponseAsync;

    public Task<Disbursement> DisburseAsync(string lineId, long usd, Date? on = null, bool advance = false, string payeeNation = "") =>
        Disbursements().RecordDisbursementAsync(new RecordDisbursementRequest
        {
            RequestId = NewId(), BudgetLineId = lineId, Amount = Usd(usd), DisbursedOn = on ?? Day(2025, 3, 1),
            Payee = payeeNation.Length > 0 ? $"{payeeNation} police service" : "Port-au-Prince fuel supplier", PayeeNationCode = payeeNation,
            Purpose = "Fuel for the port convoys", Advance = advance,
        }).ResponseAsync;

    /// <summary>Runs a call that must be refused, and checks that the ledger is as it was (head and hash) and intact.</summary>
    public async Task LedgerUnchangedAsync(Func<Task> refusal)
    {
        var before = await Ledger().VerifyLedgerAsync(new VerifyLedgerRequest());
        await refusal();
        var after = await Ledger().VerifyLedgerAsync(new VerifyLedgerRequest());
        Xunit.Assert.True(after.Intact, after.FirstBreak?.Problem);
        Xunit.Assert.Equal((before.HeadSequence, before.HeadHash), (after.HeadSequence, after.HeadHash));
    }

    public async Task<List<(string Type, string Payload)>> OutboxAsync(string type)
    {
        await using var scope = suite.Scope("finance");
        var db = scope.ServiceProvider.GetRequiredService<FinanceDbContext>();
        return (await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == type).OrderBy(m => m.OccurredAt).ToListAsync())
            .Select(m => (m.MessageType, m.Payload)).ToList();
    }

    public static long Cents(Money money) => (money.Units * 100) + (money.Nanos / 10_000_000);
}
