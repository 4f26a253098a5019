using Coordination.Finance.Budget;
using Coordination.Finance.Commitments;
using Coordination.Finance.Contributions;
using Coordination.Finance.Disbursements;
using Coordination.Finance.Expenditures;
using Coordination.Finance.Fund;
using Coordination.Finance.Ledger;
using Coordination.Finance.Persistence;
using Coordination.Finance.Rates;
using Coordination.Finance.Reimbursements;
using Coordination.Finance.Reports;
using Coordination.Hosting;
using Coordination.Messaging;
using Coordination.Persistence;
using Coordination.Requests;

namespace Coordination.Finance;

public static class FinanceService
{
    public const string Name = "finance";

    public static readonly ServiceModule Module = new(Name, b => b.AddFinanceService(), app => app.MapFinanceService());

    public static WebApplicationBuilder AddFinanceService(this WebApplicationBuilder builder)
    {
        builder.AddServiceHost(Name, FinanceAccess.Table);
        builder.AddServiceDatabase<FinanceDbContext>(Name);
        builder.AddServiceMessaging(Name, bus =>
        {
            bus.AddConsumer<MandateAdoptedConsumer>();
            bus.AddConsumer<MandateExtendedConsumer>();
            bus.AddConsumer<MandateTransitionedConsumer>();
            bus.AddConsumer<MandateExpiringConsumer>();
            bus.AddConsumer<InKindPledgedConsumer>();
            bus.AddConsumer<ContingentDeployedConsumer>();
            bus.AddConsumer<ContingentRepatriatedConsumer>();
            bus.AddConsumer<EquipmentInspectedConsumer>();
            bus.AddConsumer<ServiceabilityBelowThresholdConsumer>();
            bus.AddConsumer<ShipmentDispatchedConsumer>();
            bus.AddConsumer<ShipmentReceivedConsumer>();
            bus.AddConsumer<CommitmentAnnouncedConsumer>();
            bus.AddConsumer<RotationScheduledConsumer>();
        });
        builder.Services.AddScoped<FinanceLedger>().AddWriteGuard<FinanceLedger>();
        builder.Services.AddScoped<Tallies>();
        builder.Services.AddSingleton<KnownBudgetLines>();
        builder.Services.AddScoped<ContributionBook>();
        builder.Services.AddScoped<Allocations>();
        builder.Services.AddScoped<LedgerVerifier>();
        builder.Services.AddScoped<ReimbursementClaims>();
        builder.Services.AddScoped<ReimbursementReport>();
        builder.Services.AddOptions<ReimbursementRates>().Bind(builder.Configuration.GetSection(ReimbursementRates.Section))
            .Validate(r => { r.Validate(); return true; }).ValidateOnStart();
        builder.Services.Configure<RunwayOptions>(builder.Configuration.GetSection(RunwayOptions.Section));
        builder.Services.AddSingleton<RunwayWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RunwayWatch>());
        return builder;
    }

    public static WebApplication MapFinanceService(this WebApplication app)
    {
        app.MapServiceHost();
        app.MapGrpcService<ContributionsApi>().RequireAuthorization();
        app.MapGrpcService<BudgetApi>().RequireAuthorization();
        app.MapGrpcService<DisbursementsApi>().RequireAuthorization();
        app.MapGrpcService<ExchangeRatesApi>().RequireAuthorization();
        app.MapGrpcService<ReportsApi>().RequireAuthorization();
        app.MapGrpcService<LedgerApi>().RequireAuthorization();
        return app;
    }
}
