using Coordination.Common.V1;
using Coordination.Diplomacy.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;

namespace Coordination.Tests.CrossService;

/// <summary>Steps the cross-service specifications share, each one real call through the gateway.</summary>
internal static class Calls
{
    public static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>A due day that stays ahead however long the suite is kept: five years from the real today (plans reach ten).</summary>
    public static Date YearsAhead(int years = 5)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(years);
        return Day(day.Year, day.Month, day.Day);
    }

    public static Task<Mandate> AdoptAsync(SuiteHost suite, string token, string symbol, Date start, Date end, int ceiling) =>
        suite.ViaGateway<MandateService.MandateServiceClient>(token).AdoptMandateAsync(new AdoptMandateRequest
        {
            RequestId = NewId(),
            ResolutionSymbol = symbol,
            AdoptedOn = start,
            Vote = new Vote { InFavour = 13, Abstentions = 2 },
            PeriodStart = start,
            PeriodEnd = end,
            PersonnelCeiling = ceiling,
        }).ResponseAsync;

    /// <summary>Personnel learns of mandates only from diplomacy's events; wait until it knows this one.</summary>
    public static Task<ForceStrength> PersonnelKnowsMandateAsync(SuiteHost suite, string token, string symbol) =>
        Eventually.Get(
            () => suite.ViaGateway<ForceStrengthService.ForceStrengthServiceClient>(token).GetForceStrengthAsync(new GetForceStrengthRequest()).ResponseAsync,
            s => s.MandateResolutionSymbol == symbol,
            what: $"personnel to receive {symbol}");

    /// <summary>
    /// Diplomacy brings a status-of-forces agreement between the nation and Haiti into force (unless personnel already
    /// knows one), and personnel hears of it: without one, the nation's contingents cannot deploy.
    /// </summary>
    public static async Task StatusOfForcesInForceAsync(SuiteHost suite, string token, string nation, Date? since = null)
    {
        var strength = suite.ViaGateway<ForceStrengthService.ForceStrengthServiceClient>(token);
        var report = await strength.GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = nation });
        if (report.Nations.Single().StatusOfForcesInForce)
        {
            return;
        }
        var agreements = suite.ViaGateway<AgreementService.AgreementServiceClient>(token);
        var sofa = await agreements.CreateAgreementAsync(new CreateAgreementRequest
        {
            RequestId = NewId(),
            Kind = AgreementKind.StatusOfForces,
            Title = $"Status of forces of {nation} police in Haiti",
            PartyNationCodes = { nation, "HTI" },
        });
        foreach (var party in new[] { nation, "HTI" })
        {
            foreach (var status in new[] { AgreementStatus.Signed, AgreementStatus.Ratified, AgreementStatus.InForce })
            {
                await agreements.ChangePartyStatusAsync(new ChangePartyStatusRequest
                {
                    RequestId = NewId(), Id = sofa.Id, NationCode = party, Status = status, EffectiveOn = since ?? Day(2023, 1, 2),
                });
            }
        }
        await Eventually.Get(() => strength.GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = nation }).ResponseAsync,
            r => r.Nations.Single().StatusOfForcesInForce, what: $"personnel to hear that {nation}'s status-of-forces agreement is in force");
    }

    /// <summary>Personnel learns of logistics' sites from its events: wait until it knows this one.</summary>
    public static Task<StrengthReport> PersonnelKnowsSiteAsync(SuiteHost suite, string token, string siteId) =>
        Eventually.Get(
            () => suite.ViaGateway<ForceStrengthService.ForceStrengthServiceClient>(token).GetStrengthReportAsync(new GetStrengthReportRequest()).ResponseAsync,
            r => r.Sites.Any(s => s.SiteId == siteId && s.SiteName.Length > 0),
            what: $"personnel to hear of site {siteId}");

    /// <summary>Creates a contingent and walks it to DEPLOYED, after the agreement and the site it needs are known to personnel.</summary>
    public static async Task<Coordination.Personnel.V1.Contingent> DeployAsync(
        SuiteHost suite, string token, string nation, int officers, int tourMonths, Date on, string siteId = "")
    {
        await StatusOfForcesInForceAsync(suite, token, nation);
        if (siteId.Length > 0)
        {
            await PersonnelKnowsSiteAsync(suite, token, siteId);
        }
        var contingents = suite.ViaGateway<ContingentService.ContingentServiceClient>(token);
        var contingent = await contingents.CreateContingentAsync(new CreateContingentRequest
        {
            RequestId = NewId(),
            NationCode = nation,
            Name = $"{nation} unit {NewId()[..6]}",
            UnitType = UnitType.FormedPoliceUnit,
            OfficerCount = officers,
            TourMonths = tourMonths,
            SiteId = siteId,
        });
        foreach (var status in new[] { ContingentStatus.Assigned, ContingentStatus.Standby, ContingentStatus.Mobilized, ContingentStatus.Deployed })
        {
            contingent = await contingents.ChangeContingentStatusAsync(new ChangeContingentStatusRequest
            {
                RequestId = NewId(),
                Id = contingent.Id,
                Status = status,
                EffectiveOn = status == ContingentStatus.Deployed ? on : null,
            });
        }
        return contingent;
    }
}
