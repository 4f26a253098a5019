using Coordination.Hosting;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.Sites;
using Coordination.Messaging;
using Coordination.Persistence;

namespace Coordination.Logistics;

public static class LogisticsService
{
    public const string Name = "logistics";

    public static readonly ServiceModule Module = new(Name, b => b.AddLogisticsService(), app => app.MapLogisticsService());

    public static WebApplicationBuilder AddLogisticsService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults(Name);
        builder.AddServiceDatabase<LogisticsDbContext, LogisticsSqliteDbContext, LogisticsPostgresDbContext>(Name);
        builder.AddServiceMessaging(Name, bus =>
        {
            bus.AddConsumer<ContingentDeployedConsumer>();
            bus.AddConsumer<ContingentRepatriatedConsumer>();
        });
        return builder;
    }

    public static WebApplication MapLogisticsService(this WebApplication app)
    {
        app.MapServiceDefaults();
        app.MapGrpcService<SitesApi>().RequireAuthorization();
        return app;
    }
}
