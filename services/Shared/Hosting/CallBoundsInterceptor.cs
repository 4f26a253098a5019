using System.Globalization;
using Coordination.Persistence;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Hosting;

/// <summary>
/// Keeps every call within its bounds, whatever the handler does: the call's deadline is handed to the write path
/// (<see cref="CallDeadline"/>: nothing commits after it), and a stream ends, UNAUTHENTICATED, when the token that
/// opened it expires, as its handler gets a context whose cancellation fires at the token's <c>exp</c>.
/// </summary>
public sealed class CallBoundsInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        HandDeadline(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        WithinTokenAsync(context, bounded => continuation(requestStream, bounded));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        WithinTokenAsync(context, async bounded =>
        {
            await continuation(request, responseStream, bounded);
            return true;
        });

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        WithinTokenAsync(context, async bounded =>
        {
            await continuation(requestStream, responseStream, bounded);
            return true;
        });

    private static void HandDeadline(ServerCallContext context) =>
        context.GetHttpContext().RequestServices.GetService<CallDeadline>()?.At = context.Deadline;

    private static async Task<T> WithinTokenAsync<T>(ServerCallContext context, Func<ServerCallContext, Task<T>> handler)
    {
        HandDeadline(context);
        if (ExpiresAt(context) is not { } expiry || expiry - DateTimeOffset.UtcNow > LongestTimer)
        {
            return await handler(context);
        }
        using var expired = new CancellationTokenSource(Max(expiry - DateTimeOffset.UtcNow, TimeSpan.Zero));
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, expired.Token);
        try
        {
            var result = await handler(new BoundedCallContext(context, either.Token));
            return expired.IsCancellationRequested ? throw Expired(expiry) : result;
        }
        catch (Exception e) when (e is not RpcException { StatusCode: StatusCode.Unauthenticated }
            && expired.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw Expired(expiry);
        }
    }

    /// <summary>The token's <c>exp</c>; tokens without one are refused at authentication.</summary>
    private static DateTimeOffset? ExpiresAt(ServerCallContext context) =>
        long.TryParse(context.GetHttpContext().User.FindFirst("exp")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>A timer's longest wait; a token living longer than this is not a token this suite issues.</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(24);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static RpcException Expired(DateTimeOffset expiry) => new(new Status(StatusCode.Unauthenticated,
        $"The token expired at {expiry:yyyy-MM-dd HH:mm:ss}Z and the stream with it; open the stream again with a fresh token."));
}
