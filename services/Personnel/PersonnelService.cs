using Coordination.Hosting;
using Coordination.Messaging;
using Coordination.Personnel.Contingents;
using Coordination.Personnel.Mandates;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.Pledges;
using Coordination.Personnel.Sites;
using Coordination.Personnel.Strength;
using Coordination.Persistence;

namespace Coordination.Personnel;

public static class PersonnelService
{
    public const string Name = "personnel";

    public static readonly ServiceModule Module = new(Name, b => b.AddPersonnelService(), app => app.MapPersonnelService());

    public static WebApplicationBuilder AddPersonnelService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults(Name);
        builder.AddServiceDatabase<PersonnelDbContext, PersonnelSqliteDbContext, PersonnelPostgresDbContext>(Name);
        builder.AddServiceMessaging(Name, bus =>
        {
            bus.AddConsumer<MandateAdoptedConsumer>();
            bus.AddConsumer<MandateExtendedConsumer>();
            bus.AddConsumer<MandateTransitionedConsumer>();
            bus.AddConsumer<SiteStatusChangedConsumer>();
        });
        return builder;
    }

    public static WebApplication MapPersonnelService(this WebApplication app)
    {
        app.MapServiceDefaults();
        app.MapGrpcService<ContingentsApi>().RequireAuthorization();
        app.MapGrpcService<ForceStrengthApi>().RequireAuthorization();
        app.MapGrpcService<PledgesApi>().RequireAuthorization();
        return app;
    }
}
