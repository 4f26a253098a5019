using Coordination.Hosting;
using Coordination.Messaging;
using Coordination.Personnel.Agreements;
using Coordination.Personnel.Contingents;
using Coordination.Personnel.Equipment;
using Coordination.Personnel.Mandates;
using Coordination.Personnel.Officers;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.Pledges;
using Coordination.Personnel.Sites;
using Coordination.Personnel.Strength;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Personnel;

public static class PersonnelService
{
    public const string Name = "personnel";

    public static readonly ServiceModule Module = new(Name, b => b.AddPersonnelService(), app => app.MapPersonnelService());

    public static WebApplicationBuilder AddPersonnelService(this WebApplicationBuilder builder)
    {
        builder.AddServiceHost(Name, PersonnelAccess.Table);
        builder.AddServiceDatabase<PersonnelDbContext>(Name);
        builder.AddServiceMessaging(Name, bus =>
        {
            bus.AddConsumer<MandateAdoptedConsumer>();
            bus.AddConsumer<MandateExtendedConsumer>();
            bus.AddConsumer<MandateTransitionedConsumer>();
            bus.AddConsumer<MandateExpiringConsumer>();
            bus.AddConsumer<SiteStatusChangedConsumer>();
            bus.AddConsumer<SiteRegisteredConsumer>();
            bus.AddConsumer<AgreementInForceConsumer>();
            bus.AddConsumer<AgreementTerminatedConsumer>();
            bus.AddConsumer<EquipmentInspectedConsumer>();
            bus.AddConsumer<CommitmentAnnouncedConsumer>();
        });
        builder.Services.AddScoped<RosterImport>();
        builder.Services.AddScoped<SiteCoverage>();
        builder.Services.AddScoped<StrengthReports>();
        builder.Services.AddScoped<DueReports>();
        builder.Services.AddCommitSignal<StrengthSignal>();
        builder.Services.Configure<StrengthStreamOptions>(builder.Configuration.GetSection(StrengthStreamOptions.Section));
        return builder;
    }

    public static WebApplication MapPersonnelService(this WebApplication app)
    {
        app.MapServiceHost();
        app.MapGrpcService<ContingentsApi>().RequireAuthorization();
        app.MapGrpcService<ForceStrengthApi>().RequireAuthorization();
        app.MapGrpcService<PledgesApi>().RequireAuthorization();
        app.MapGrpcService<OfficersApi>().RequireAuthorization();
        return app;
    }
}
