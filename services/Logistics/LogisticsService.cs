using Coordination.Hosting;
using Coordination.Logistics.Catalog;
using Coordination.Logistics.Contingents;
using Coordination.Logistics.Equipment;
using Coordination.Logistics.Mandates;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.Planning;
using Coordination.Logistics.Reports;
using Coordination.Logistics.Requisitions;
using Coordination.Logistics.Shipments;
using Coordination.Logistics.Sites;
using Coordination.Logistics.Stock;
using Coordination.Messaging;
using Coordination.Persistence;

namespace Coordination.Logistics;

public static class LogisticsService
{
    public const string Name = "logistics";

    public static readonly ServiceModule Module = new(Name, b => b.AddLogisticsService(), app => app.MapLogisticsService());

    public static WebApplicationBuilder AddLogisticsService(this WebApplicationBuilder builder)
    {
        builder.AddServiceHost(Name, LogisticsAccess.Table);
        builder.AddServiceDatabase<LogisticsDbContext>(Name);
        builder.AddServiceMessaging(Name, bus =>
        {
            bus.AddConsumer<ContingentRequestedConsumer>();
            bus.AddConsumer<KnownContingentDeployedConsumer>();
            bus.AddConsumer<KnownContingentRepatriatedConsumer>();
            bus.AddConsumer<RotationScheduledConsumer>();
            bus.AddConsumer<ArrivalPledgedConsumer>();
            bus.AddConsumer<ArrivalLevelChangedConsumer>();
            bus.AddConsumer<ArrivalWithdrawnConsumer>();
            bus.AddConsumer<MandateAdoptedConsumer>();
            bus.AddConsumer<MandateExtendedConsumer>();
            bus.AddConsumer<MandateTransitionedConsumer>();
            bus.AddConsumer<MandateExpiringConsumer>();
        });
        builder.Services.AddScoped<StockLedger>();
        return builder;
    }

    public static WebApplication MapLogisticsService(this WebApplication app)
    {
        app.MapServiceHost();
        app.MapGrpcService<SitesApi>().RequireAuthorization();
        app.MapGrpcService<CatalogApi>().RequireAuthorization();
        app.MapGrpcService<StockApi>().RequireAuthorization();
        app.MapGrpcService<RequisitionsApi>().RequireAuthorization();
        app.MapGrpcService<ShipmentsApi>().RequireAuthorization();
        app.MapGrpcService<EquipmentApi>().RequireAuthorization();
        app.MapGrpcService<ReportsApi>().RequireAuthorization();
        return app;
    }
}
