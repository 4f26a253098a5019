using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Coordination.Requests;

/// <summary>The guard a service's writes run under: none unless the service registers its own, once.</summary>
public static class WriteGuards
{
    /// <summary>The guard of a service that needs nothing around its writes.</summary>
    public static IWriteGuard None { get; } = new Unguarded();

    /// <summary>Makes <typeparamref name="TGuard"/> (registered by the service, scoped) the guard of every write of the service.</summary>
    public static IServiceCollection AddWriteGuard<TGuard>(this IServiceCollection services) where TGuard : class, IWriteGuard =>
        services.Replace(ServiceDescriptor.Scoped<IWriteGuard>(sp => sp.GetRequiredService<TGuard>()));

    private sealed class Unguarded : IWriteGuard
    {
        public Task EnterAsync(CancellationToken ct) => Task.CompletedTask;

        public Exception? Refusal(Exception failure) => null;
    }
}
