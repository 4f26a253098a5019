using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Hosting;

/// <summary>
/// The clock a call's bounds are measured by: the machine's, by which a client's <c>grpc-timeout</c> becomes a deadline
/// and tokens are validated (their <c>exp</c>). It is not the service's <see cref="TimeProvider"/>, the service's idea
/// of today, which tests move to other days; tests replace this one, under <see cref="Key"/>, to pass a deadline or an
/// <c>exp</c> without waiting for it.
/// </summary>
public static class CallClock
{
    public const string Key = "call-bounds";

    public static TimeProvider Of(IServiceProvider services) => services.GetKeyedService<TimeProvider>(Key) ?? TimeProvider.System;
}
