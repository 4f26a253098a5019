using Coordination.Errors;
using Coordination.Validation;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.AspNetCore.Server;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;

namespace Coordination.Auth;

/// <summary>
/// Applies the service's <see cref="AccessTable"/> before any handler runs: a role without a row for the RPC is
/// refused (an RPC without a row is refused to everyone), and a role that acts only for its own nation is refused a
/// request naming another nation in its top-level <c>nation_code</c>/<c>donor_nation_code</c>. What the role may do is
/// handed to the handler through <see cref="Caller.From(ServerCallContext)"/>. Access is decided by the method the
/// endpoint serves, never by how the request spelled its path: ASP.NET Core routes paths in any case, so a path that is
/// not exactly the method's is UNIMPLEMENTED. Every method is governed but those of <see cref="Ungoverned"/>.
/// </summary>
public sealed class AccessInterceptor(AccessTable table) : Interceptor
{
    private static readonly string[] NationFields = ["nation_code", "donor_nation_code"];

    /// <summary>gRPC services that are infrastructure, not the mission's API, and answer without a token (docs/security.md).</summary>
    public static readonly IReadOnlySet<string> Ungoverned = new HashSet<string>(StringComparer.Ordinal)
    {
        "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection",
    };

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
        var method = ServedMethod(context);
        if (Ungoverned.Contains(method.ServiceName))
        {
            return;
        }
        var caller = Caller.From(context.GetHttpContext().User);
        var rule = table.Find(method.FullName)
            ?? throw new AccessDeniedException($"{method.FullName} has no access rule, so nobody may call it.");
        var grant = rule.GrantFor(caller.Role)
            ?? throw new AccessDeniedException($"Role '{caller.Role}' may not call {method.Name}; it is open to: {rule.Describe()}.");
        var admitted = caller with { Grant = grant };
        if (request is IMessage message && NamedNation(message) is { Length: > 0 } nation)
        {
            // Before any validation: a nation's own role cannot make the service look at another nation's request.
            admitted.NationScope(nation, $"call {method.Name}");
        }
        context.UserState[Caller.GrantKey] = grant;
    }

    /// <summary>The method the endpoint serves, when the request's path is exactly its path.</summary>
    private static IMethod ServedMethod(ServerCallContext context)
    {
        var method = context.GetHttpContext().GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method
            ?? throw new AccessDeniedException($"{Fields.Quote(context.Method)} is not a gRPC method of this service, so nobody may call it.");
        return string.Equals(context.Method, method.FullName, StringComparison.Ordinal)
            ? method
            : throw new RpcException(new Status(StatusCode.Unimplemented,
                $"No method is served at {Fields.Quote(context.Method)}: gRPC paths are exact and case-sensitive (this endpoint serves {method.FullName})."));
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
}
