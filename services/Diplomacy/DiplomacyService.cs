using Coordination.Diplomacy.Agreements;
using Coordination.Diplomacy.Appeals;
using Coordination.Diplomacy.Commitments;
using Coordination.Diplomacy.Deadlines;
using Coordination.Diplomacy.Engagements;
using Coordination.Diplomacy.Mandates;
using Coordination.Diplomacy.Partners;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.Sites;
using Coordination.Hosting;
using Coordination.Messaging;
using Coordination.Persistence;

namespace Coordination.Diplomacy;

public static class DiplomacyService
{
    public const string Name = "diplomacy";

    public static readonly ServiceModule Module = new(Name, b => b.AddDiplomacyService(), app => app.MapDiplomacyService());

    public static WebApplicationBuilder AddDiplomacyService(this WebApplicationBuilder builder)
    {
        builder.AddServiceHost(Name, DiplomacyAccess.Table);
        builder.AddServiceDatabase<DiplomacyDbContext>(Name);
        builder.AddServiceMessaging(Name, bus =>
        {
            bus.AddConsumer<ContributionPledgedConsumer>();
            bus.AddConsumer<ContingentDeployedConsumer>();
            bus.AddConsumer<ContingentRepatriatedConsumer>();
            bus.AddConsumer<PersonnelPledgedConsumer>();
            bus.AddConsumer<PledgeWithdrawnConsumer>();
            bus.AddConsumer<ContributionPaidConsumer>();
            bus.AddConsumer<ContributionSuspendedConsumer>();
            bus.AddConsumer<ContributionReinstatedConsumer>();
            bus.AddConsumer<ContingentCapabilityChangedConsumer>();
            bus.AddConsumer<SiteStatusChangedConsumer>();
            bus.AddConsumer<FundRunwayLowConsumer>();
        });
        builder.Services.Configure<DeadlineOptions>(builder.Configuration.GetSection("Diplomacy:Deadlines"));
        builder.Services.AddSingleton<DeadlineWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeadlineWatch>());
        return builder;
    }

    public static WebApplication MapDiplomacyService(this WebApplication app)
    {
        app.MapServiceHost();
        app.MapGrpcService<MandatesApi>().RequireAuthorization();
        app.MapGrpcService<PartnersApi>().RequireAuthorization();
        app.MapGrpcService<AgreementsApi>().RequireAuthorization();
        app.MapGrpcService<EngagementsApi>().RequireAuthorization();
        app.MapGrpcService<CommitmentsApi>().RequireAuthorization();
        app.MapGrpcService<AppealsApi>().RequireAuthorization();
        app.MapGrpcService<SiteSecurityApi>().RequireAuthorization();
        return app;
    }
}
