using System.Text.RegularExpressions;
using Coordination.Tests.Infrastructure;
using Xunit;

namespace Coordination.Tests.Deployment;

/// <summary>Settings reach the hosts as docs/operations.md says; secrets only by reference, each host only its own.</summary>
public sealed class SettingPolicyTests
{
    public static TheoryData<string> Overlays => new(Suite.Overlays);

    private static string Operations => Repository.Read("docs", "operations.md");

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_setting_a_host_needs_reaches_it_and_secrets_only_by_reference(string overlay) =>
        PolicyAssert.Holds(SettingPolicies.SettingsProvided(Manifests.Of(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Each_host_can_read_its_own_secrets_and_no_others(string overlay) =>
        PolicyAssert.Holds(SettingPolicies.SecretsScoped(Manifests.Of(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void No_host_holds_a_key_that_can_sign_tokens_but_a_development_gateway_its_issuers(string overlay) =>
        PolicyAssert.Holds(SettingPolicies.NoHostCanSignTokens(Manifests.Of(overlay)));

    [Fact]
    public void The_development_gateway_gets_the_development_issuers_key_and_the_production_one_does_not()
    {
        string? IssuerKeyOf(string overlay)
        {
            var manifests = Manifests.Of(overlay);
            return ContainerEnvironment.Of(manifests, manifests.Workload(Suite.Gateway).Containers.First())
                .GetValueOrDefault(SettingPolicies.DevelopmentIssuerKey.Setting)?.Secret?.Name;
        }

        Assert.Equal(SettingPolicies.DevelopmentIssuerKey.Secret, IssuerKeyOf("development"));
        Assert.Null(IssuerKeyOf("production"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void No_secret_value_is_committed(string overlay) =>
        PolicyAssert.Holds(SettingPolicies.SecretsByReferenceOnly(Manifests.Of(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_gateway_reaches_each_service_by_its_service_name_and_grpc_port(string overlay) =>
        PolicyAssert.Holds(SettingPolicies.GatewayBackends(Manifests.Of(overlay)));

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_setting_the_manifests_give_a_host_is_documented_in_operations(string overlay) =>
        PolicyAssert.Holds(SettingPolicies.SettingsDocumented(Manifests.Of(overlay), Operations));

    [Fact]
    public void Every_setting_operations_marks_required_is_one_the_policies_check()
    {
        var required = Regex.Matches(Operations, @"^\| `(\w+)` \|[^|]*\| none: required", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(required);
        Assert.All(required, setting => Assert.All(Suite.Deployables, d => Assert.Contains(setting,
            SettingPolicies.SecretsOf(d).Select(s => s.Setting).Concat(SettingPolicies.PlainSettingsOf(d).Keys))));
    }

    [Fact]
    public void The_production_gateway_never_serves_development_tokens()
    {
        var manifests = Manifests.Of("production");
        var env = ContainerEnvironment.Of(manifests, manifests.Workload(Suite.Gateway).Containers.First());

        Assert.DoesNotContain(env, e => e.Key is "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT" && e.Value.Value == "Development");
    }
}
