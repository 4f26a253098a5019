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

    public static async Task<Coordination.Personnel.V1.Contingent> DeployAsync(
        SuiteHost suite, string token, string nation, int officers, int tourMonths, Date on, string siteId = "")
    {
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
