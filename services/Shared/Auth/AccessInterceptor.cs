using Coordination.Errors;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Coordination.Auth;

/// <summary>
/// Applies the service's <see cref="AccessTable"/> before any handler runs: a role without a row for the RPC is
/// refused (an RPC without a row is refused to everyone), and a role that acts only for its own nation is refused a
/// request naming another nation in its top-level <c>nation_code</c>/<c>donor_nation_code</c>. What the role may do is
/// handed to the handler through <see cref="Caller.From(ServerCallContext)"/>. Only the suite's own API
/// (<c>/coordination.*</c>) is governed by the table; gRPC health and reflection are not.
/// </summary>
public sealed class AccessInterceptor(AccessTable table) : Interceptor
{
    private static readonly string[] NationFields = ["nation_code", "donor_nation_code"];

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context, request);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context, null);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context, request);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context, null);
        return continuation(requestStream, responseStream, context);
    }

    private void Admit(ServerCallContext context, object? request)
    {
        if (!context.Method.StartsWith("/coordination.", StringComparison.Ordinal))
        {
            return; // gRPC health and reflection: infrastructure, not the mission's API (see docs/security.md)
        }
        var caller = Caller.From(context.GetHttpContext().User);
        var rule = table.Find(context.Method)
            ?? throw new AccessDeniedException($"{context.Method} has no access rule, so nobody may call it.");
        var grant = rule.GrantFor(caller.Role)
            ?? throw new AccessDeniedException($"Role '{caller.Role}' may not call {Name(context.Method)}; it is open to: {rule.Describe()}.");
        var admitted = caller with { Grant = grant };
        if (request is IMessage message && NamedNation(message) is { Length: > 0 } nation)
        {
            // Before any validation: a nation's own role cannot make the service look at another nation's request.
            admitted.NationScope(nation, $"call {Name(context.Method)}");
        }
        context.UserState[Caller.GrantKey] = grant;
    }

    private static string? NamedNation(IMessage message)
    {
        foreach (var name in NationFields)
        {
            if (message.Descriptor.FindFieldByName(name) is { FieldType: FieldType.String, IsRepeated: false } field)
            {
                return (string)field.Accessor.GetValue(message);
            }
        }
        return null;
    }

    private static string Name(string method) => method[(method.LastIndexOf('.') + 1)..];
}
