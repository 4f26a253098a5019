using k8s.Models;
using Xunit;

namespace Coordination.Tests.Deployment;

/// <summary>
/// The policies are not vacuous: each one, run on a rendered overlay broken on purpose (in memory, never on disk),
/// reports what was broken.
/// </summary>
public sealed class PolicyViolationTests
{
    private static V1Container Host(Manifests manifests, string deployable) => manifests.Workload(deployable).Containers.First();

    private static V1EnvVar FromSecret(string setting, string secret, string key) =>
        new() { Name = setting, ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key } } };

    [Fact]
    public void A_container_that_may_write_its_root_filesystem_is_reported()
    {
        var manifests = Manifests.Of("production");
        Host(manifests, "finance").SecurityContext.ReadOnlyRootFilesystem = false;

        PolicyAssert.Reports(WorkloadPolicies.Security(manifests), "Deployment/finance/finance: readOnlyRootFilesystem is not true");
    }

    [Fact]
    public void An_init_container_without_a_memory_limit_is_reported()
    {
        var manifests = Manifests.Of("development");
        manifests.Workload("logistics").InitContainers.First().Resources.Limits.Remove("memory");

        PolicyAssert.Reports(WorkloadPolicies.Resources(manifests), "Deployment/logistics/migrate: no memory limit");
    }

    [Fact]
    public void A_probe_on_a_port_the_container_does_not_declare_is_reported()
    {
        var manifests = Manifests.Of("production");
        Host(manifests, "personnel").LivenessProbe.Grpc.Port = 9090;

        var violations = WorkloadPolicies.Probes(manifests).Concat(WorkloadPolicies.ServicePorts(manifests)).ToList();

        PolicyAssert.Reports(violations, "livenessProbe probes port 9090, which the container does not declare");
        PolicyAssert.Reports(violations, "probes port 9090, which Service/personnel does not target");
    }

    [Fact]
    public void A_readiness_probe_over_http_instead_of_grpc_is_reported()
    {
        var manifests = Manifests.Of("development");
        var container = Host(manifests, "gateway");
        container.ReadinessProbe.Grpc = null;
        container.ReadinessProbe.HttpGet = new V1HTTPGetAction { Path = "/healthz/ready", Port = 8081 };

        PolicyAssert.Reports(WorkloadPolicies.Probes(manifests), "Deployment/gateway/gateway: readinessProbe is not a native grpc probe");
    }

    [Fact]
    public void A_secret_committed_with_its_value_is_reported()
    {
        var manifests = Manifests.Of("development");
        var leaked = new V1Secret { ApiVersion = "v1", Kind = "Secret", Metadata = new V1ObjectMeta { Name = "coordination-dev-issuer", NamespaceProperty = "coordination" },
            StringData = new Dictionary<string, string> { ["private-key"] = "{\"kty\":\"EC\"}" } };

        PolicyAssert.Reports(SettingPolicies.SecretsByReferenceOnly(new Manifests("development", [.. manifests.Objects, leaked])), "Secret/coordination-dev-issuer: carries values");
    }

    [Fact]
    public void A_public_key_set_given_as_a_literal_value_is_reported()
    {
        var manifests = Manifests.Of("development");
        var keys = Host(manifests, "diplomacy").Env.Single(e => e.Name == "Auth__PublicKeys");
        keys.ValueFrom = null;
        keys.Value = "{\"keys\":[]}";

        PolicyAssert.Reports(SettingPolicies.SettingsProvided(manifests), "Auth__PublicKeys is a literal value");
    }

    [Fact]
    public void A_service_given_the_development_issuers_private_key_is_reported()
    {
        var manifests = Manifests.Of("development");
        Host(manifests, "finance").Env.Add(FromSecret("DevelopmentIssuer__PrivateKey", "coordination-dev-issuer", "private-key"));

        var violations = SettingPolicies.NoHostCanSignTokens(manifests).Concat(SettingPolicies.SecretsScoped(manifests)).ToList();

        PolicyAssert.Reports(violations, "Deployment/finance/finance: holds the development issuer's private key");
        PolicyAssert.Reports(violations, "Deployment/finance: references Secret 'coordination-dev-issuer', which is not its own");
    }

    [Fact]
    public void A_host_given_a_shared_signing_key_or_a_sidecar_allowed_the_issuers_key_is_reported()
    {
        var manifests = Manifests.Of("production");
        Host(manifests, "gateway").Env = [FromSecret("Auth__SigningKey", "coordination-auth", "signing-key")];
        manifests.Single<DaprConfiguration>("gateway-dapr").Spec.Secrets!.Scopes[0].AllowedSecrets!.Add("coordination-dev-issuer");

        var violations = SettingPolicies.NoHostCanSignTokens(manifests).ToList();

        PolicyAssert.Reports(violations, "Deployment/gateway/gateway: gets Auth__SigningKey");
        PolicyAssert.Reports(violations, "DaprConfiguration/gateway-dapr: lets a sidecar read 'coordination-dev-issuer'");
    }

    [Fact]
    public void A_service_without_its_broker_address_is_reported()
    {
        var manifests = Manifests.Of("development");
        Host(manifests, "logistics").Env.Remove(Host(manifests, "logistics").Env.Single(e => e.Name == "Messaging__RabbitMqUri"));

        PolicyAssert.Reports(SettingPolicies.SettingsProvided(manifests), "Deployment/logistics/logistics: does not get Messaging__RabbitMqUri");
    }

    [Fact]
    public void A_service_told_to_accept_events_from_any_publisher_is_reported()
    {
        var manifests = Manifests.Of("production");
        Host(manifests, "diplomacy").Env.Add(new V1EnvVar { Name = "Messaging__AcceptAnyPublisher", Value = "true" });

        PolicyAssert.Reports(BrokerPolicies.NoServiceAcceptsAnyPublisher(manifests), "Deployment/diplomacy/diplomacy: sets Messaging__AcceptAnyPublisher");
    }

    [Fact]
    public void A_service_reaching_the_broker_with_a_shared_credential_is_reported()
    {
        var manifests = Manifests.Of("development");
        Host(manifests, "finance").Env.Single(e => e.Name == "Messaging__RabbitMqUri").ValueFrom.SecretKeyRef.Name = "coordination-rabbitmq";

        PolicyAssert.Reports(SettingPolicies.SettingsProvided(manifests),
            "Messaging__RabbitMqUri comes from Secret 'coordination-rabbitmq' key 'uri', expected 'finance-rabbitmq' key 'uri'");
    }

    [Fact]
    public void A_broker_user_allowed_to_write_another_services_event_exchange_is_reported()
    {
        var manifests = Manifests.Of("development");
        var definitions = manifests.All<V1ConfigMap>().Single(c => c.Data?.ContainsKey(BrokerUsers.DefinitionsFile) == true).Data;
        definitions[BrokerUsers.DefinitionsFile] = definitions[BrokerUsers.DefinitionsFile]
            .Replace(@"""write"": ""^(logistics-.*|Coordination\\.Events:(", @"""write"": ""^(logistics-.*|Coordination\\.Events:(CommitmentAnnounced|", StringComparison.Ordinal);

        PolicyAssert.Reports(BrokerPolicies.PermissionsFitOwnership(manifests),
            "'coordination-logistics' may write 'Coordination.Events:CommitmentAnnounced' (diplomacy owns it)");
    }

    [Fact]
    public void A_broker_user_whose_password_comes_from_another_services_secret_is_reported()
    {
        var manifests = Manifests.Of("development");
        var logistics = BrokerUsers.Broker(manifests)!.Pod.Volumes.SelectMany(v => v.Projected?.Sources ?? [])
            .Single(s => s.Secret?.Name == "logistics-rabbitmq");
        logistics.Secret.Name = "personnel-rabbitmq";

        PolicyAssert.Reports(BrokerPolicies.BrokerCreatesEachUser(manifests),
            "the password of logistics's user 'coordination-logistics' must come from Secret 'logistics-rabbitmq' key 'password' alone");
    }

    [Fact]
    public void A_dapr_configuration_that_lets_a_service_read_another_services_database_is_reported()
    {
        var manifests = Manifests.Of("production");
        manifests.Single<DaprConfiguration>("finance-dapr").Spec.Secrets!.Scopes[0].AllowedSecrets!.Add("personnel-database");

        PolicyAssert.Reports(SettingPolicies.SecretsScoped(manifests), "Dapr configuration 'finance-dapr' lets it read 'personnel-database'");
    }

    [Fact]
    public void A_service_whose_secret_still_comes_from_the_environment_under_dapr_is_reported()
    {
        var manifests = Manifests.Of("production");
        Host(manifests, "finance").Env.Add(FromSecret("ConnectionStrings__Database", "finance-database", "connection-string"));

        PolicyAssert.Reports(SettingPolicies.SettingsProvided(manifests), "ConnectionStrings__Database comes from the Dapr secret store; the container must not also get it");
    }

    [Fact]
    public void A_gateway_backend_naming_no_service_is_reported()
    {
        var manifests = Manifests.Of("production");
        var config = manifests.All<V1ConfigMap>().Single(c => c.Metadata.Name.StartsWith("coordination-gateway", StringComparison.Ordinal));
        config.Data["Gateway__Backends__Finance"] = "http://finance-service:8080";

        PolicyAssert.Reports(SettingPolicies.GatewayBackends(manifests), "names host 'finance-service', which is no Service of the overlay");
    }

    [Fact]
    public void A_deployment_without_a_disruption_budget_is_reported()
    {
        var manifests = Manifests.Of("production");
        var budget = manifests.Single<V1PodDisruptionBudget>("diplomacy");

        var withoutBudget = new Manifests("production", manifests.Objects.Where(o => !ReferenceEquals(o, budget)).ToList());

        PolicyAssert.Reports(ClusterPolicies.HighAvailability(withoutBudget), "Deployment/diplomacy: needs exactly one PodDisruptionBudget");
    }

    [Fact]
    public void A_network_policy_letting_the_gateway_reach_a_database_is_reported()
    {
        var manifests = Manifests.Of("development");
        var gatewayEgress = manifests.Single<V1NetworkPolicy>("gateway-egress").Spec.Egress[0];
        gatewayEgress.To = null;
        gatewayEgress.Ports = null;
        manifests.Single<V1NetworkPolicy>("personnel-postgres-ingress").Spec.Ingress[0].FromProperty = null;

        var allowed = NetworkFlows.Allowed(manifests);
        var expected = NetworkPolicyTests.Expected(manifests, externalServersAndDapr: false);

        Assert.Contains(new Flow("gateway", "personnel-postgres", 5432, "TCP"), allowed.Except(expected));
    }

    [Fact]
    public void A_namespace_without_the_restricted_standard_is_reported()
    {
        var manifests = Manifests.Of("production");
        manifests.Single<V1Namespace>("coordination").Metadata.Labels["pod-security.kubernetes.io/enforce"] = "baseline";

        PolicyAssert.Reports(ClusterPolicies.RestrictedNamespace(manifests), "pod-security.kubernetes.io/enforce is not 'restricted'");
    }
}
