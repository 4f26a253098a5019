using System.Globalization;
using Coordination.Persistence;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Hosting;

/// <summary>
/// Keeps every call within its bounds, whatever the handler does: the call's deadline is handed to the write path
/// (<see cref="CallDeadline"/>: nothing commits after it), and a stream ends, UNAUTHENTICATED, when the token that
/// opened it expires, however far ahead its <c>exp</c>, as its handler gets a context whose cancellation fires then
/// (both by <see cref="CallClock"/>).
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

    /// <summary>
    /// Hands the call's deadline to the write path. gRPC reads a <c>grpc-timeout</c> shorter than its clock's tick
    /// (100 ns; clients send <c>1n</c> for a deadline about to pass) as no deadline at all, and an unreadable one
    /// likewise: the call would run unbounded while its client has already given up, and could commit a change the
    /// client was told DEADLINE_EXCEEDED about. Such a call is refused before it starts.
    /// </summary>
    private static void HandDeadline(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (context.Deadline == DateTime.MaxValue && http.Request.Headers.TryGetValue(TimeoutHeader, out var timeout))
        {
            throw IsTimeout(timeout.ToString())
                ? new RpcException(new Status(StatusCode.DeadlineExceeded,
                    $"The call's grpc-timeout ({timeout}) had run out when it arrived; nothing was done."))
                : new RpcException(new Status(StatusCode.InvalidArgument,
                    $"grpc-timeout '{Shorten(timeout.ToString())}' is not a gRPC timeout (1 to 8 digits and a unit: H, M, S, m, u or n); nothing was done."));
        }
        http.RequestServices.GetService<CallDeadline>()?.At = context.Deadline;
    }

    private const string TimeoutHeader = "grpc-timeout";

    private static bool IsTimeout(string value) =>
        value.Length is >= 2 and <= 9 && "HMSmun".Contains(value[^1], StringComparison.Ordinal) && value[..^1].All(char.IsAsciiDigit);

    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "…";

    private static async Task<T> WithinTokenAsync<T>(ServerCallContext context, Func<ServerCallContext, Task<T>> handler)
    {
        HandDeadline(context);
        if (ExpiresAt(context) is not { } expiry)
        {
            return await handler(context); // not reached: a token without exp is refused at authentication
        }
        using var expired = new Expiry(expiry, CallClock.Of(context.GetHttpContext().RequestServices));
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, expired.Token);
        try
        {
            var result = await handler(new BoundedCallContext(context, either.Token));
            return expired.Passed ? throw Expired(expiry) : result;
        }
        catch (Exception e) when (e is not RpcException { StatusCode: StatusCode.Unauthenticated }
            && expired.Passed && !context.CancellationToken.IsCancellationRequested)
        {
            throw Expired(expiry);
        }
    }

    /// <summary>The token's <c>exp</c>; tokens without one are refused at authentication.</summary>
    private static DateTimeOffset? ExpiresAt(ServerCallContext context) =>
        long.TryParse(context.GetHttpContext().User.FindFirst("exp")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static RpcException Expired(DateTimeOffset expiry) => new(new Status(StatusCode.Unauthenticated,
        $"The token expired at {expiry:yyyy-MM-dd HH:mm:ss}Z and the stream with it; open the stream again with a fresh token."));

    /// <summary>
    /// Cancels at an instant by a clock, however far ahead: a timer waits at most <see cref="LongestWait"/> (timers
    /// cannot wait much longer) and is armed again each time, until the instant has come.
    /// </summary>
    private sealed class Expiry : IDisposable
    {
        private static readonly TimeSpan LongestWait = TimeSpan.FromDays(20);
        private readonly CancellationTokenSource cancellation = new();
        private readonly DateTimeOffset at;
        private readonly TimeProvider clock;
        private readonly ITimer timer;
        private bool disposed;

        public Expiry(DateTimeOffset at, TimeProvider clock)
        {
            this.at = at;
            this.clock = clock;
            timer = clock.CreateTimer(_ => Arm(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Arm();
        }

        public CancellationToken Token => cancellation.Token;

        public bool Passed => cancellation.IsCancellationRequested;

        private void Arm()
        {
            lock (cancellation)
            {
                if (disposed)
                {
                    return;
                }
                var left = at - clock.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    cancellation.Cancel();
                }
                else
                {
                    timer.Change(left < LongestWait ? left : LongestWait, Timeout.InfiniteTimeSpan);
                }
            }
        }

        public void Dispose()
        {
            lock (cancellation)
            {
                disposed = true;
                timer.Dispose();
                cancellation.Dispose();
            }
        }
    }
}
