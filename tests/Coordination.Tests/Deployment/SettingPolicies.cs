using System.Text.RegularExpressions;
using k8s.Models;

namespace Coordination.Tests.Deployment;

/// <summary>A secret setting: which Secret (and key) holds it, in Kubernetes and in the Dapr secret store alike.</summary>
public sealed record SecretSetting(string Setting, string Secret, string Key);

/// <summary>
/// Every setting a host needs reaches it, secrets only by reference (from a Secret, or through the Dapr sidecar
/// from the secret store), each service only its own, and every setting the manifests use is documented.
/// </summary>
public static partial class SettingPolicies
{
    /// <summary>What a service needs that is secret (docs/operations.md; the Dapr secret store uses the same names).</summary>
    public static SecretSetting[] SecretsOf(string deployable) => deployable == Suite.Gateway
        ? [new("Auth__PublicKeys", "coordination-token-keys", "jwks")]
        :
        [
            new("Auth__PublicKeys", "coordination-token-keys", "jwks"),
            new("Messaging__RabbitMqUri", $"{deployable}-rabbitmq", "uri"),
            new("ConnectionStrings__Database", $"{deployable}-database", "connection-string"),
        ];

    /// <summary>What a deployable needs that is not secret, with the value it must have in a container.</summary>
    public static IReadOnlyDictionary<string, string?> PlainSettingsOf(string deployable) => deployable == Suite.Gateway
        ? new Dictionary<string, string?>
        {
            ["Hosting__BindAddress"] = "0.0.0.0",
        }.Concat(Suite.Services.Select(service =>
            // The manifests name each service's address (GatewayBackends checks it), though the gateway's default is the same.
            KeyValuePair.Create(GatewayBackendSetting(service), (string?)null))).ToDictionary()
        : new Dictionary<string, string?>
        {
            ["Hosting__BindAddress"] = "0.0.0.0",
            // Without it an empty connection string would silently mean SQLite on a read-only filesystem.
            ["Database__Provider"] = "postgres",
        }.Concat(Suite.Services.Select(owner =>
            // Without them consumers cannot tell who published an event (BrokerPolicies checks the users they name).
            KeyValuePair.Create(BrokerUsers.Setting(owner), (string?)null))).ToDictionary();

    /// <summary>The development issuer's private key: only a gateway running in Development may get it.</summary>
    public static readonly SecretSetting DevelopmentIssuerKey = new("DevelopmentIssuer__PrivateKey", "coordination-dev-issuer", "private-key");

    /// <summary>Every Secret any pod of the suite may name.</summary>
    public static IEnumerable<string> KnownSecrets =>
        Suite.Deployables.SelectMany(SecretsOf).Select(s => s.Secret).Append(DevelopmentIssuerKey.Secret).Distinct();

    public static IEnumerable<string> SettingsProvided(Manifests manifests)
    {
        foreach (var app in manifests.Applications)
        {
            var container = app.Containers.First();
            var where = $"{app}/{container.Name}";
            var problems = new List<string>();
            var env = ContainerEnvironment.Of(manifests, container, problems);
            foreach (var problem in problems)
            {
                yield return $"{app}: {problem}";
            }
            foreach (var (setting, expected) in PlainSettingsOf(app.Name))
            {
                if (!env.TryGetValue(setting, out var source))
                {
                    yield return $"{where}: does not get {setting}";
                }
                else if (expected is not null && source.Value != expected)
                {
                    yield return $"{where}: {setting} is '{source.Value}', expected '{expected}'";
                }
            }
            foreach (var secret in SecretsOf(app.Name))
            {
                env.TryGetValue(secret.Setting, out var source);
                if (app.DaprEnabled)
                {
                    if (source is not null)
                    {
                        yield return $"{where}: {secret.Setting} comes from the Dapr secret store; the container must not also get it from {source.Origin}";
                    }
                    foreach (var problem in DaprProvides(manifests, app, env, secret))
                    {
                        yield return $"{where}: {secret.Setting} {problem}";
                    }
                }
                else if (source is null)
                {
                    yield return $"{where}: does not get {secret.Setting}";
                }
                else if (source.Secret is null)
                {
                    yield return $"{where}: {secret.Setting} is a literal value; secrets come from Secret references only";
                }
                else if (source.Secret.Name != secret.Secret || source.Secret.Key != secret.Key)
                {
                    yield return $"{where}: {secret.Setting} comes from Secret '{source.Secret.Name}' key '{source.Secret.Key}', expected '{secret.Secret}' key '{secret.Key}'";
                }
            }
        }
    }

    /// <summary>Why the sidecar could not hand the setting to the app; nothing when it can.</summary>
    private static IEnumerable<string> DaprProvides(Manifests manifests, Workload app, IReadOnlyDictionary<string, EnvSource> env, SecretSetting secret)
    {
        if (!env.TryGetValue("Dapr__SecretStore", out var storeSetting) || storeSetting.Value is not { Length: > 0 } store)
        {
            yield return "is meant to come through Dapr but Dapr__SecretStore is not set";
            yield break;
        }
        var component = manifests.All<DaprComponent>().SingleOrDefault(c => c.Metadata.Name == store);
        var appId = app.Annotations.GetValueOrDefault("dapr.io/app-id", app.Name);
        if (component is null || !component.Spec.Type.StartsWith("secretstores.", StringComparison.Ordinal))
        {
            yield return $"is meant to come from secret store '{store}', which the overlay does not define";
        }
        else if (component.Scopes is { Count: > 0 } scopes && !scopes.Contains(appId))
        {
            yield return $"is meant to come from secret store '{store}', whose scopes leave out app '{appId}'";
        }
        var configurationName = app.Annotations.GetValueOrDefault("dapr.io/config");
        var scope = manifests.All<DaprConfiguration>().SingleOrDefault(c => c.Metadata.Name == configurationName)?.Spec.Secrets?.Scopes.SingleOrDefault(s => s.StoreName == store);
        if (scope?.Allows(secret.Secret) != true)
        {
            yield return $"needs secret '{secret.Secret}', which Dapr configuration '{configurationName}' does not allow from '{store}'";
        }
        if (component?.Spec.Type == "secretstores.kubernetes" && !RbacAllowsGet(manifests, app.Pod.ServiceAccountName, secret.Secret))
        {
            yield return $"needs secret '{secret.Secret}', which service account '{app.Pod.ServiceAccountName}' may not get from the Kubernetes API";
        }
    }

    /// <summary>Each deployable can read exactly its own secrets: Dapr scopes deny the rest, RBAC grants only these, no pod names another's.</summary>
    public static IEnumerable<string> SecretsScoped(Manifests manifests)
    {
        foreach (var app in manifests.Applications)
        {
            var own = SecretsOf(app.Name).Select(s => s.Secret).ToHashSet();
            if (app.Name == Suite.Gateway)
            {
                own.Add(DevelopmentIssuerKey.Secret); // and only in Development: NoHostCanSignTokens
            }
            var referenced = app.AllContainers.SelectMany(c => c.Env ?? []).Select(e => e.ValueFrom?.SecretKeyRef?.Name)
                .Concat(app.AllContainers.SelectMany(c => c.EnvFrom ?? []).Select(e => e.SecretRef?.Name))
                .Concat((app.Pod.Volumes ?? []).Select(v => v.Secret?.SecretName))
                .OfType<string>();
            foreach (var foreign in referenced.Where(s => !own.Contains(s)).Distinct())
            {
                yield return $"{app}: references Secret '{foreign}', which is not its own";
            }
            if (!app.DaprEnabled)
            {
                continue;
            }
            var configurationName = app.Annotations.GetValueOrDefault("dapr.io/config");
            var configuration = manifests.All<DaprConfiguration>().SingleOrDefault(c => c.Metadata.Name == configurationName);
            if (configuration is null)
            {
                yield return $"{app}: Dapr configuration '{configurationName}' is not in the overlay";
                continue;
            }
            foreach (var component in manifests.All<DaprComponent>().Where(c => c.Spec.Type.StartsWith("secretstores.", StringComparison.Ordinal)))
            {
                var scope = configuration.Spec.Secrets?.Scopes.SingleOrDefault(s => s.StoreName == component.Metadata.Name);
                if (scope?.DefaultAccess != "deny")
                {
                    yield return $"{app}: Dapr configuration '{configurationName}' does not deny secrets of store '{component.Metadata.Name}' by default";
                }
                foreach (var foreign in KnownSecrets.Where(s => !own.Contains(s) && scope?.Allows(s) != false))
                {
                    yield return $"{app}: Dapr configuration '{configurationName}' lets it read '{foreign}' from '{component.Metadata.Name}'";
                }
            }
            foreach (var foreign in KnownSecrets.Where(s => !own.Contains(s) && RbacAllowsGet(manifests, app.Pod.ServiceAccountName, s)))
            {
                yield return $"{app}: service account '{app.Pod.ServiceAccountName}' may read Secret '{foreign}' from the Kubernetes API";
            }
        }
    }

    /// <summary>
    /// No host holds a key that can sign a token: no shared HMAC key anywhere, and the development issuer's private key
    /// only in a gateway running in Development, from a Secret reference, never through a sidecar.
    /// </summary>
    public static IEnumerable<string> NoHostCanSignTokens(Manifests manifests)
    {
        foreach (var app in manifests.Applications)
        {
            foreach (var container in app.AllContainers)
            {
                var env = ContainerEnvironment.Of(manifests, container);
                var where = $"{app}/{container.Name}";
                if (env.ContainsKey("Auth__SigningKey"))
                {
                    yield return $"{where}: gets Auth__SigningKey, a key shared by every host that can sign tokens";
                }
                var holdsIssuerKey = env.Keys.Any(k => k.StartsWith("DevelopmentIssuer__", StringComparison.Ordinal))
                    || env.Values.Any(v => v.Secret?.Name == DevelopmentIssuerKey.Secret)
                    || (app.Pod.Volumes ?? []).Any(v => v.Secret?.SecretName == DevelopmentIssuerKey.Secret);
                var developmentGateway = app.Name == Suite.Gateway
                    && env.TryGetValue("ASPNETCORE_ENVIRONMENT", out var environment) && environment.Value == "Development";
                if (holdsIssuerKey && !developmentGateway)
                {
                    yield return $"{where}: holds the development issuer's private key, which only a gateway running in Development may";
                }
            }
            if (RbacAllowsGet(manifests, app.Pod.ServiceAccountName, DevelopmentIssuerKey.Secret))
            {
                yield return $"{app}: service account '{app.Pod.ServiceAccountName}' may read Secret '{DevelopmentIssuerKey.Secret}' from the Kubernetes API";
            }
        }
        foreach (var configuration in manifests.All<DaprConfiguration>())
        {
            if ((configuration.Spec.Secrets?.Scopes ?? []).Any(s => s.Allows(DevelopmentIssuerKey.Secret)))
            {
                yield return $"DaprConfiguration/{configuration.Metadata.Name}: lets a sidecar read '{DevelopmentIssuerKey.Secret}'";
            }
        }
    }

    /// <summary>No Secret with values is committed: every Secret is created by the operator (docs/operations.md).</summary>
    public static IEnumerable<string> SecretsByReferenceOnly(Manifests manifests) =>
        manifests.All<V1Secret>()
            .Where(s => s.Data is { Count: > 0 } || s.StringData is { Count: > 0 })
            .Select(s => $"Secret/{s.Metadata.Name}: carries values; create it with kubectl instead (docs/operations.md)");

    /// <summary>The gateway's backend addresses are the Services' names and the ports that reach each service's gRPC port.</summary>
    public static IEnumerable<string> GatewayBackends(Manifests manifests)
    {
        var gateway = manifests.Workload(Suite.Gateway);
        var env = ContainerEnvironment.Of(manifests, gateway.Containers.First());
        foreach (var service in Suite.Services)
        {
            var setting = GatewayBackendSetting(service);
            if (!env.TryGetValue(setting, out var source) || !Uri.TryCreate(source.Value, UriKind.Absolute, out var address) || address.Scheme != "http")
            {
                yield return $"{gateway}: {setting} is not an http:// address";
                continue;
            }
            var target = manifests.All<V1Service>().SingleOrDefault(s => s.Metadata.Name == address.Host);
            if (target is null)
            {
                yield return $"{gateway}: {setting} names host '{address.Host}', which is no Service of the overlay";
                continue;
            }
            var backend = manifests.Workload(service);
            var grpcPort = backend.Containers.First().ReadinessProbe?.Grpc?.Port;
            var servicePort = target.Spec.Ports.SingleOrDefault(p => p.Port == address.Port);
            if (servicePort is null || WorkloadPolicies.TargetContainerPort(servicePort, backend) != grpcPort
                || !target.Spec.Selector.All(l => backend.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
            {
                yield return $"{gateway}: {setting} is {source.Value}, but port {address.Port} of Service/{target.Metadata.Name} does not reach {backend}'s gRPC port {grpcPort}";
            }
        }
    }

    /// <summary>Where the gateway reaches a service: <c>Gateway__Backends__Personnel</c>.</summary>
    public static string GatewayBackendSetting(string service) => $"Gateway__Backends__{char.ToUpperInvariant(service[0])}{service[1..]}";

    /// <summary>Every setting (<c>Section__Key</c>) the manifests give the suite's containers is one docs/operations.md documents.</summary>
    public static IEnumerable<string> SettingsDocumented(Manifests manifests, string operationsMarkdown)
    {
        var rows = operationsMarkdown.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
        foreach (var app in manifests.Applications)
        {
            foreach (var container in app.AllContainers)
            {
                foreach (var name in ContainerEnvironment.Of(manifests, container).Keys.Where(n => n.Contains("__", StringComparison.Ordinal)))
                {
                    if (!rows.Any(r => Documents(r, name)))
                    {
                        yield return $"{app}/{container.Name}: sets {name}, which docs/operations.md does not document";
                    }
                }
            }
        }
    }

    /// <summary>A settings row names the setting, or its section and, in backticks, its last key (`Gateway__Backends__Personnel` (…`Logistics`)).</summary>
    private static bool Documents(string row, string setting)
    {
        var names = SettingName().Matches(row).Select(m => m.Groups[1].Value).ToList();
        var section = setting[..(setting.LastIndexOf("__", StringComparison.Ordinal) + 2)];
        var key = setting[section.Length..];
        return names.Contains(setting) || (names.Any(n => n.StartsWith(section, StringComparison.Ordinal)) && names.Contains(key));
    }

    [GeneratedRegex(@"`([A-Za-z_]+)`")]
    private static partial Regex SettingName();

    private static bool RbacAllowsGet(Manifests manifests, string? serviceAccount, string secret)
    {
        var roles = manifests.All<V1RoleBinding>()
            .Where(b => b.RoleRef.Kind == "Role" && (b.Subjects ?? []).Any(s => s.Kind == "ServiceAccount" && s.Name == serviceAccount))
            .Select(b => manifests.All<V1Role>().SingleOrDefault(r => r.Metadata.Name == b.RoleRef.Name))
            .OfType<V1Role>();
        return roles.SelectMany(r => r.Rules ?? []).Any(rule =>
            (rule.ApiGroups ?? []).Contains("") && (rule.Resources ?? []).Intersect(["secrets", "*"]).Any()
            && (rule.Verbs ?? []).Intersect(["get", "*"]).Any()
            && (rule.ResourceNames is null or [] || rule.ResourceNames.Contains(secret)));
    }
}
