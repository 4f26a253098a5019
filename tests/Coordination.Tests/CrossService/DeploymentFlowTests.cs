using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Diplomacy.V1;
using Coordination.Finance.V1;
using Coordination.Logistics.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Xunit;
using static Coordination.Tests.CrossService.Calls;

namespace Coordination.Tests.CrossService;

/// <summary>
/// Personnel deploys and repatriates, finance records pledges; logistics and diplomacy keep their own figures
/// from the events, never by calling the producer.
/// </summary>
public sealed class DeploymentFlowTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>, IAsyncLifetime
{
    private readonly string admin = TestTokens.For("HTI", Roles.MissionAdmin);
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat);

    public async Task InitializeAsync()
    {
        var symbol = "S/RES/2751 (2024)";
        var mandates = await fixture.Suite.ViaGateway<MandateService.MandateServiceClient>(diplomat).ListMandatesAsync(new ListMandatesRequest());
        if (mandates.Mandates.Count == 0)
        {
            await AdoptAsync(fixture.Suite, diplomat, symbol, Day(2024, 10, 2), Day(2025, 10, 2), 1_000);
        }
        await PersonnelKnowsMandateAsync(fixture.Suite, admin, symbol);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_deployment_reaches_the_site_it_protects_and_its_nations_brief_and_a_repatriation_takes_it_back()
    {
        var suite = fixture.Suite;
        var site = await suite.ViaGateway<SiteService.SiteServiceClient>(TestTokens.For("HTI", Roles.LogisticsOfficer)).CreateSiteAsync(new CreateSiteRequest
        {
            RequestId = NewId(),
            Name = $"National Palace {NewId()[..6]}",
            Kind = SiteKind.Government,
            Location = new LatLng { Latitude = 18.5434, Longitude = -72.3389 },
            Status = SiteStatus.Recaptured,
            RequiredPosture = 100,
        });

        var contingent = await DeployAsync(suite, admin, "BHS", 75, 12, Day(2024, 11, 1), site.Id);

        // How many officers a site supports is the mission's (where units stand), so the logistics desk reads it.
        var sites = suite.ViaGateway<SiteService.SiteServiceClient>(TestTokens.For("HTI", Roles.LogisticsOfficer));
        var supported = await Eventually.Get(() => sites.GetSiteAsync(new GetSiteRequest { Id = site.Id }).ResponseAsync,
            s => s.SupportedPersonnel == 75, what: "logistics to apply ContingentDeployed");
        Assert.Equal(75, supported.SupportedPersonnel);

        var briefs = suite.ViaGateway<PartnerService.PartnerServiceClient>(TestTokens.For("BHS", Roles.Contributor));
        var brief = await Eventually.Get(() => briefs.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "BHS" }).ResponseAsync,
            b => b.DeployedOfficers == 75, what: "diplomacy to apply ContingentDeployed");
        Assert.Equal(1, brief.DeployedContingents);

        var contingents = suite.ViaGateway<ContingentService.ContingentServiceClient>(admin);
        foreach (var status in new[] { ContingentStatus.Demobilizing, ContingentStatus.Repatriated })
        {
            await contingents.ChangeContingentStatusAsync(new ChangeContingentStatusRequest
            {
                RequestId = NewId(),
                Id = contingent.Id,
                Status = status,
                EffectiveOn = status == ContingentStatus.Repatriated ? Day(2025, 10, 1) : null,
            });
        }

        await Eventually.Get(() => sites.GetSiteAsync(new GetSiteRequest { Id = site.Id }).ResponseAsync,
            s => s.SupportedPersonnel == 0, what: "logistics to apply ContingentRepatriated");
        var after = await Eventually.Get(() => briefs.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "BHS" }).ResponseAsync,
            b => b.DeployedOfficers == 0, what: "diplomacy to apply ContingentRepatriated");
        Assert.Equal(0, after.DeployedContingents);
    }

    [Fact]
    public async Task Deploying_beyond_the_mandate_ceiling_is_refused_with_the_ceiling_and_the_count()
    {
        var suite = fixture.Suite;
        var contingents = suite.ViaGateway<ContingentService.ContingentServiceClient>(admin);
        var strength = await suite.ViaGateway<ForceStrengthService.ForceStrengthServiceClient>(admin).GetForceStrengthAsync(new GetForceStrengthRequest());
        var tooMany = strength.AuthorizedCeiling - strength.DeployedOfficers + 1;

        var e = await RpcAssert.FailedPrecondition(() => DeployAsync(suite, admin, "KEN", tooMany, 12, Day(2024, 12, 1)), "MANDATE_CEILING");

        Assert.Contains($"ceiling of {strength.AuthorizedCeiling:N0}", e.Violations[0].Description, StringComparison.Ordinal);
        Assert.Contains($"{strength.DeployedOfficers + tooMany:N0}", e.Violations[0].Description, StringComparison.Ordinal);
        var unchanged = await suite.ViaGateway<ForceStrengthService.ForceStrengthServiceClient>(admin).GetForceStrengthAsync(new GetForceStrengthRequest());
        Assert.Equal(strength.DeployedOfficers, unchanged.DeployedOfficers);
        var stuck = await contingents.ListContingentsAsync(new ListContingentsRequest { Status = ContingentStatus.Mobilized, NationCode = "KEN" });
        Assert.Contains(stuck.Contingents, c => c.OfficerCount == tooMany);
    }

    [Fact]
    public async Task A_donors_pledge_recorded_in_finance_shows_in_its_brief_in_diplomacy()
    {
        var suite = fixture.Suite;
        var canada = TestTokens.For("CAN", Roles.Contributor);
        var briefs = suite.ViaGateway<PartnerService.PartnerServiceClient>(canada);
        var before = await briefs.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "CAN" });

        await suite.ViaGateway<ContributionService.ContributionServiceClient>(canada).RecordContributionAsync(new RecordContributionRequest
        {
            RequestId = NewId(),
            DonorNationCode = "CAN",
            Amount = new Money { CurrencyCode = "USD", Units = 723_600 },
            Channel = Channel.TrustFund,
            DecidedOn = Day(2024, 12, 31),
        });

        var after = await Eventually.Get(() => briefs.GetPartnerBriefAsync(new GetPartnerBriefRequest { NationCode = "CAN" }).ResponseAsync,
            b => b.ContributionsPledged == before.ContributionsPledged + 1, what: "diplomacy to apply ContributionPledged");
        Assert.Equal(before.PledgedUsd.Units + 723_600, after.PledgedUsd.Units);
        Assert.Equal("USD", after.PledgedUsd.CurrencyCode);
    }
}
