using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Coordination.Tests.Infrastructure;

/// <summary>How a test client presents its token: the <c>authorization</c> header of every call.</summary>
public static class Bearer
{
    /// <summary>Calls on <paramref name="invoker"/> carrying <paramref name="token"/> (none: anonymous).</summary>
    public static CallInvoker WithBearer(this CallInvoker invoker, string? token) => token is null
        ? invoker
        : invoker.Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            return metadata;
        });

    /// <summary>The headers of one call carrying <paramref name="token"/>.</summary>
    public static Metadata Headers(string token) => new() { { "authorization", $"Bearer {token}" } };
}
