using k8s;
using k8s.Models;

namespace Coordination.Tests.Deployment;

// The Dapr custom resources the overlays use, as far as they use them: loading is strict, so a field that is not
// declared here (a typo, or one Dapr does not have) fails the rendering test.

/// <summary>dapr.io/v1alpha1 Component.</summary>
public sealed class DaprComponent : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public V1ObjectMeta Metadata { get; set; } = new();

    public DaprComponentSpec Spec { get; set; } = new();

    /// <summary>App ids that may load the component; none means every app in the namespace.</summary>
    public List<string>? Scopes { get; set; }
}

public sealed class DaprComponentSpec
{
    public string Type { get; set; } = "";

    public string Version { get; set; } = "";

    public List<DaprMetadataItem>? Metadata { get; set; }
}

public sealed class DaprMetadataItem
{
    public string Name { get; set; } = "";

    public string? Value { get; set; }
}

/// <summary>dapr.io/v1alpha1 Configuration.</summary>
public sealed class DaprConfiguration : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public V1ObjectMeta Metadata { get; set; } = new();

    public DaprConfigurationSpec Spec { get; set; } = new();
}

public sealed class DaprConfigurationSpec
{
    public DaprSecretsSpec? Secrets { get; set; }

    public DaprAccessControl? AccessControl { get; set; }
}

public sealed class DaprSecretsSpec
{
    public List<DaprSecretScope> Scopes { get; set; } = [];
}

public sealed class DaprSecretScope
{
    public string StoreName { get; set; } = "";

    /// <summary>"allow" or "deny": what happens to a secret in neither list.</summary>
    public string DefaultAccess { get; set; } = "allow";

    public List<string>? AllowedSecrets { get; set; }

    public List<string>? DeniedSecrets { get; set; }

    public bool Allows(string secret) =>
        DeniedSecrets?.Contains(secret) != true
        && (AllowedSecrets?.Contains(secret) == true || (AllowedSecrets is null or [] && DefaultAccess != "deny"));
}

public sealed class DaprAccessControl
{
    public string DefaultAction { get; set; } = "";

    public string TrustDomain { get; set; } = "";
}
