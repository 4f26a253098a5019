using Coordination.Auth;
using Dapr;
using Dapr.Client;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Coordination.Secrets;

/// <summary>Where a secret lives in the Dapr secret store, and which setting it provides.</summary>
public sealed record SecretBinding(string Secret, string Key, string Setting);

/// <summary>
/// With a Dapr sidecar (its address in <c>DAPR_GRPC_ENDPOINT</c> or <c>DAPR_GRPC_PORT</c>), a host reads its secrets
/// from the Dapr secret store instead of the environment: the token issuer's public keys (pinned there so nobody
/// without access to the store can swap them), the broker address and its database. It waits for the sidecar at
/// start (up to <c>Dapr:StartupTimeout</c>, 30 s by default) and reports it in readiness. Without a sidecar nothing
/// changes.
/// </summary>
public static class DaprSecrets
{
    public const string DefaultStore = "coordination-secrets";

    /// <summary>What a service reads: the token keys (shared), its own broker credential and its own database.</summary>
    public static SecretBinding[] ForService(string service, IConfiguration configuration) =>
    [
        .. TokenKeys(configuration),
        new($"{service}-rabbitmq", "uri", "Messaging:RabbitMqUri"),
        new($"{service}-database", "connection-string", "ConnectionStrings:Database"),
    ];

    /// <summary>What the gateway reads: the token keys only.</summary>
    public static SecretBinding[] ForGateway(IConfiguration configuration) => TokenKeys(configuration);

    /// <summary>The issuer's public keys; nothing when the host fetches them from the issuer itself.</summary>
    private static SecretBinding[] TokenKeys(IConfiguration configuration) =>
        AuthOptions.From(configuration).FollowsIssuer ? [] : [new("coordination-token-keys", "jwks", "Auth:PublicKeys")];

    /// <summary>The sidecar's gRPC address, or null when the host runs without one.</summary>
    public static Uri? SidecarAddress(IConfiguration configuration)
    {
        if (configuration["DAPR_GRPC_ENDPOINT"] is { Length: > 0 } endpoint)
        {
            return new Uri(endpoint.Contains("://", StringComparison.Ordinal) ? endpoint : $"http://{endpoint}");
        }
        return configuration["DAPR_GRPC_PORT"] is { Length: > 0 } port ? new Uri($"http://127.0.0.1:{port}") : null;
    }

    /// <summary>Loads the bindings' secrets into configuration before anything reads them; a no-op without a sidecar.</summary>
    public static WebApplicationBuilder AddDaprSecrets(this WebApplicationBuilder builder, IReadOnlyList<SecretBinding> bindings)
    {
        var address = SidecarAddress(builder.Configuration);
        if (address is null || bindings.Count == 0)
        {
            return builder;
        }
        var store = builder.Configuration["Dapr:SecretStore"] is { Length: > 0 } configured ? configured : DefaultStore;
        var timeout = builder.Configuration.GetValue("Dapr:StartupTimeout", TimeSpan.FromSeconds(30));
        var client = new DaprClientBuilder().UseGrpcEndpoint(address.ToString()).Build();

        var values = Task.Run(() => ReadAsync(client, store, bindings, timeout)).GetAwaiter().GetResult();
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddSingleton(client);
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "dapr-sidecar", _ => new SidecarHealthCheck(client, store, bindings[0].Secret), HealthStatus.Unhealthy, ["ready"]));
        return builder;
    }

    private static async Task<Dictionary<string, string?>> ReadAsync(DaprClient client, string store, IReadOnlyList<SecretBinding> bindings, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var values = new Dictionary<string, string?>();
        foreach (var secret in bindings.GroupBy(b => b.Secret))
        {
            var data = await ReadWhenReadyAsync(client, store, secret.Key, deadline.Token);
            foreach (var binding in secret)
            {
                values[binding.Setting] = data.TryGetValue(binding.Key, out var value)
                    ? value
                    : throw new InvalidOperationException($"Dapr secret '{binding.Secret}' in store '{store}' has no key '{binding.Key}' (for {binding.Setting}).");
            }
        }
        return values;
    }

    /// <summary>The sidecar may start after the app: retry while it is unreachable, until the deadline.</summary>
    private static async Task<Dictionary<string, string>> ReadWhenReadyAsync(DaprClient client, string store, string secret, CancellationToken deadline)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                return await client.GetSecretAsync(store, secret, cancellationToken: deadline);
            }
            catch (Exception e) when (!deadline.IsCancellationRequested && IsSidecarNotReady(e))
            {
                await Task.Delay(delay, CancellationToken.None);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2_000));
            }
            catch (Exception e) when (deadline.IsCancellationRequested)
            {
                throw new InvalidOperationException($"The Dapr sidecar did not serve secret '{secret}' from store '{store}' in time.", e);
            }
        }
    }

    private static bool IsSidecarNotReady(Exception e) =>
        e is DaprException { InnerException: RpcException { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded } }
            or RpcException { StatusCode: StatusCode.Unavailable };

    private sealed class SidecarHealthCheck(DaprClient client, string store, string secret) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            try
            {
                await client.GetSecretAsync(store, secret, cancellationToken: timeout.Token);
                return HealthCheckResult.Healthy($"Secret store '{store}' answers");
            }
            catch (Exception e) when (e is DaprException or RpcException or OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"Dapr sidecar or secret store '{store}' unreachable", e);
            }
        }
    }
}
