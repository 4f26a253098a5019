using System.Reflection;
using Coordination.Errors;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Hosting;

/// <summary>
/// Binds every gRPC service as grpc-dotnet's own binder does (the generated <c>BindService</c>, the service's
/// overrides, their attributes), with one difference: a request message that does not parse (invalid UTF-8, a bad
/// wire type, a field running past the end) is INVALID_ARGUMENT. gRPC deserializes a unary request before any
/// interceptor runs and answers such a body with UNKNOWN, so the request marshaller is where this can be said once.
/// </summary>
public static class ParsedRequests
{
    /// <summary>Puts this binder in place of grpc-dotnet's; call after <c>AddGrpc</c>.</summary>
    public static IServiceCollection AddParsedRequests(this IServiceCollection services)
    {
        var binder = services.Single(d => d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType?.Name.StartsWith("BinderServiceMethodProvider", StringComparison.Ordinal) == true);
        services.Remove(binder);
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(ParsedRequestMethodProvider<>));
        return services;
    }

    /// <summary>The request marshaller of <paramref name="method"/>, with a parse failure turned into INVALID_ARGUMENT.</summary>
    public static Method<TRequest, TResponse> Parsed<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class where TResponse : class
    {
        var deserialize = method.RequestMarshaller.ContextualDeserializer;
        var marshaller = Marshallers.Create(method.RequestMarshaller.ContextualSerializer, context =>
        {
            try
            {
                return deserialize(context);
            }
            catch (InvalidProtocolBufferException e)
            {
                throw Refusals.Unreadable($"The body is not a {method.Name} request message: {e.Message}");
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
    }
}

/// <summary>Discovers a service's methods through its generated <c>BindService(ServiceBinderBase, TBase)</c>.</summary>
internal sealed class ParsedRequestMethodProvider<TService> : IServiceMethodProvider<TService> where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var bind = BindMethod(typeof(TService));
        bind?.Invoke(null, [new Binder(context), null]);
    }

    private static MethodInfo? BindMethod(Type service)
    {
        for (var type = service; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>() is { } bind)
            {
                return bind.BindType.GetMethod(bind.BindMethodName, BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase), type]);
            }
        }
        return null;
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            context.AddUnaryMethod(ParsedRequests.Parsed(method), Metadata(method.Name, out var invoker, typeof(TRequest), typeof(ServerCallContext)),
                (UnaryServerMethod<TService, TRequest, TResponse>)invoker.CreateDelegate(typeof(UnaryServerMethod<TService, TRequest, TResponse>)));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddClientStreamingMethod(ParsedRequests.Parsed(method),
                Metadata(method.Name, out var invoker, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext)),
                (ClientStreamingServerMethod<TService, TRequest, TResponse>)invoker.CreateDelegate(typeof(ClientStreamingServerMethod<TService, TRequest, TResponse>)));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddServerStreamingMethod(ParsedRequests.Parsed(method),
                Metadata(method.Name, out var invoker, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)),
                (ServerStreamingServerMethod<TService, TRequest, TResponse>)invoker.CreateDelegate(typeof(ServerStreamingServerMethod<TService, TRequest, TResponse>)));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddDuplexStreamingMethod(ParsedRequests.Parsed(method),
                Metadata(method.Name, out var invoker, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)),
                (DuplexStreamingServerMethod<TService, TRequest, TResponse>)invoker.CreateDelegate(typeof(DuplexStreamingServerMethod<TService, TRequest, TResponse>)));

        /// <summary>The service's public override of the method and the endpoint metadata grpc-dotnet gives it: the
        /// service's attributes, then the method's (which win), and POST as the only verb.</summary>
        private static List<object> Metadata(string name, out MethodInfo invoker, params Type[] parameters)
        {
            invoker = typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)
                ?? throw new InvalidOperationException($"Could not find '{name}' on {typeof(TService)}.");
            return
            [
                .. typeof(TService).GetCustomAttributes(inherit: true),
                .. invoker.GetCustomAttributes(inherit: true),
                new HttpMethodMetadata(["POST"], acceptCorsPreflight: true),
            ];
        }
    }
}
