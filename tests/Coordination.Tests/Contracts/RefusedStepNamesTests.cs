using System.Text.RegularExpressions;
using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Contracts;
using Coordination.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.CrossService.Calls;
using D = Coordination.Diplomacy.V1;
using F = Coordination.Finance.V1;
using L = Coordination.Logistics.V1;
using P = Coordination.Personnel.V1;

namespace Coordination.Tests.Contracts;

/// <summary>
/// A refused step, read through the gateway, names the statuses as the protos do (<c>CONTINGENT_STATUS_DEPLOYED</c>),
/// in its message and in its precondition failure: a partner knows the contract, not the services' short names.
/// </summary>
public sealed class RefusedStepNamesTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    private T Client<T>(string role) where T : ClientBase<T> => fixture.Suite.ViaGateway<T>(TestTokens.For("HTI", role));

    [Fact]
    public async Task A_contingent_skipping_a_step_is_refused_in_the_contract_s_names()
    {
        var contingents = Client<P.ContingentService.ContingentServiceClient>(Roles.MissionAdmin);
        var contingent = await contingents.CreateContingentAsync(new P.CreateContingentRequest
        {
            RequestId = NewId(), NationCode = "KEN", Name = $"KEN FPU {NewId()[..6]}", UnitType = P.UnitType.FormedPoliceUnit,
            OfficerCount = 140, TourMonths = 12,
        });

        var refused = await RefusedAsync(() => contingents.ChangeContingentStatusAsync(new P.ChangeContingentStatusRequest
        {
            RequestId = NewId(), Id = contingent.Id, Status = P.ContingentStatus.Standby,
        }).ResponseAsync, "CONTINGENT_STATUS_TRANSITION");

        NamesOnlyByContract(refused, P.ContingentStatus.Requested, P.ContingentStatus.Standby, P.ContingentStatus.Assigned);
    }

    [Fact]
    public async Task A_site_skipping_to_secured_is_refused_in_the_contract_s_names()
    {
        var sites = Client<L.SiteService.SiteServiceClient>(Roles.LogisticsOfficer);
        var site = await sites.CreateSiteAsync(new L.CreateSiteRequest
        {
            RequestId = NewId(), Name = $"Port-au-Prince port {NewId()}", Kind = L.SiteKind.Hospital,
            Location = new L.LatLng { Latitude = 18.55, Longitude = -72.34 }, Status = L.SiteStatus.Contested, RequiredPosture = 60,
        });

        var refused = await RefusedAsync(() => sites.ChangeSiteStatusAsync(new L.ChangeSiteStatusRequest
        {
            RequestId = NewId(), Id = site.Id, Status = L.SiteStatus.Secured, Reason = "Patrolled on 2024-07-09",
        }).ResponseAsync, "SITE_STATUS_TRANSITION");

        NamesOnlyByContract(refused, L.SiteStatus.Contested, L.SiteStatus.Secured, L.SiteStatus.Recaptured, L.SiteStatus.Lost);
    }

    [Fact]
    public async Task A_pledge_paid_before_it_is_committed_is_refused_in_the_contract_s_names()
    {
        var contributions = Client<F.ContributionService.ContributionServiceClient>(Roles.FinanceOfficer);
        var pledge = await contributions.RecordContributionAsync(new F.RecordContributionRequest
        {
            RequestId = NewId(), DonorNationCode = "NOR", Amount = new Money { CurrencyCode = "USD", Units = 2_000_000 },
            Channel = F.Channel.TrustFund, DecidedOn = Day(2024, 5, 1),
        });

        var refused = await RefusedAsync(() => contributions.ChangeContributionStatusAsync(new F.ChangeContributionStatusRequest
        {
            RequestId = NewId(), Id = pledge.Id, Status = F.ContributionStatus.Paid, EffectiveOn = Day(2024, 6, 1),
        }).ResponseAsync, "CONTRIBUTION_STATUS_TRANSITION");

        NamesOnlyByContract(refused, F.ContributionStatus.Pledged, F.ContributionStatus.Paid, F.ContributionStatus.Committed);
    }

    [Fact]
    public async Task A_party_skipping_to_in_force_is_refused_in_the_contract_s_names()
    {
        var agreements = Client<D.AgreementService.AgreementServiceClient>(Roles.Diplomat);
        var agreement = await agreements.CreateAgreementAsync(new D.CreateAgreementRequest
        {
            RequestId = NewId(), Kind = D.AgreementKind.BilateralReciprocal, Title = $"Reciprocity {NewId()[..6]}", PartyNationCodes = { "BEN", "HTI" },
        });

        var refused = await RefusedAsync(() => agreements.ChangePartyStatusAsync(new D.ChangePartyStatusRequest
        {
            RequestId = NewId(), Id = agreement.Id, NationCode = "BEN", Status = D.AgreementStatus.InForce, EffectiveOn = Day(2024, 3, 5),
        }).ResponseAsync, "AGREEMENT_PARTY_TRANSITION");

        NamesOnlyByContract(refused, D.AgreementStatus.Draft, D.AgreementStatus.InForce, D.AgreementStatus.Signed);
    }

    /// <summary>The refusal's message and its precondition failure's description, which say the same.</summary>
    private static async Task<string[]> RefusedAsync(Func<Task> call, string type)
    {
        var e = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, call);
        var violation = Assert.Single(e.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations);
        Assert.Equal(type, violation.Type);
        return [e.Status.Detail, violation.Description];
    }

    /// <summary>Each text names <paramref name="named"/> by the contract, and no value of the enum by its short name alone.</summary>
    private static void NamesOnlyByContract<TEnum>(string[] texts, params TEnum[] named) where TEnum : struct, Enum
    {
        var prefix = ProtoEnumNames.Of(default(TEnum))[..^"UNSPECIFIED".Length];
        foreach (var text in texts)
        {
            Assert.All(named, value => Assert.Contains(ProtoEnumNames.Of(value), text, StringComparison.Ordinal));
            Assert.All(ProtoEnumNames.Settable<TEnum>(), name =>
                Assert.DoesNotMatch($"(?<![A-Z_]){Regex.Escape(name[prefix.Length..])}(?![A-Z_])", text));
        }
    }
}
