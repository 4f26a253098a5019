using Coordination.Finance.Budget;
using Coordination.Finance.Contributions;
using Coordination.Finance.Persistence;
using Coordination.Hosting;
using Coordination.Messaging;
using Coordination.Persistence;

namespace Coordination.Finance;

public static class FinanceService
{
    public const string Name = "finance";

    public static readonly ServiceModule Module = new(Name, b => b.AddFinanceService(), app => app.MapFinanceService());

    public static WebApplicationBuilder AddFinanceService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults(Name);
        builder.AddServiceDatabase<FinanceDbContext, FinanceSqliteDbContext, FinancePostgresDbContext>(Name);
        builder.AddServiceMessaging(Name, bus =>
        {
            bus.AddConsumer<MandateAdoptedConsumer>();
            bus.AddConsumer<MandateExtendedConsumer>();
            bus.AddConsumer<MandateTransitionedConsumer>();
        });
        return builder;
    }

    public static WebApplication MapFinanceService(this WebApplication app)
    {
        app.MapServiceDefaults();
        app.MapGrpcService<ContributionsApi>().RequireAuthorization();
        app.MapGrpcService<BudgetApi>().RequireAuthorization();
        return app;
    }
}
