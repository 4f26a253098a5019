using Grpc.Core;

namespace Coordination.Hosting;

/// <summary>A call's context with a cancellation of its own (the call's, or sooner); everything else is the call's.</summary>
internal sealed class BoundedCallContext : ServerCallContext
{
    private readonly ServerCallContext call;
    private readonly CancellationToken cancellation;

    public BoundedCallContext(ServerCallContext call, CancellationToken cancellation)
    {
        this.call = call;
        this.cancellation = cancellation;
        // GetHttpContext() finds the HttpContext of a wrapped context under this key.
        call.UserState["__HttpContext"] = call.GetHttpContext();
    }

    protected override string MethodCore => call.Method;
    protected override string HostCore => call.Host;
    protected override string PeerCore => call.Peer;
    protected override DateTime DeadlineCore => call.Deadline;
    protected override Metadata RequestHeadersCore => call.RequestHeaders;
    protected override CancellationToken CancellationTokenCore => cancellation;
    protected override Metadata ResponseTrailersCore => call.ResponseTrailers;
    protected override AuthContext AuthContextCore => call.AuthContext;
    protected override IDictionary<object, object> UserStateCore => call.UserState;

    protected override Status StatusCore
    {
        get => call.Status;
        set => call.Status = value;
    }

    protected override WriteOptions? WriteOptionsCore
    {
        get => call.WriteOptions;
        set => call.WriteOptions = value;
    }

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => call.WriteResponseHeadersAsync(responseHeaders);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => call.CreatePropagationToken(options);
}
