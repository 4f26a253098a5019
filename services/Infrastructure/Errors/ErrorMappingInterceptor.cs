using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Coordination.Errors;

/// <summary>The one path from domain exceptions to gRPC statuses with google.rpc error details.</summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    private const string Domain = Refusals.Domain;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(request, context); }
        catch (Exception e) when (e is not RpcException) { throw Map(e, context); }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(requestStream, context); }
        catch (Exception e) when (e is not RpcException) { throw Map(e, context); }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(request, responseStream, context); }
        catch (Exception e) when (e is not RpcException) { throw Map(e, context); }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(requestStream, responseStream, context); }
        catch (Exception e) when (e is not RpcException) { throw Map(e, context); }
    }

    private RpcException Map(Exception exception, ServerCallContext context) => exception switch
    {
        RequestValidationException e => Refusals.InvalidArgument(e.Violations),
        ResourceNotFoundException e => ToRpc(Code.NotFound, e.Message,
            new ResourceInfo { ResourceType = e.ResourceType, ResourceName = Refusals.Cut(e.ResourceId) }),
        ResourceAlreadyExistsException e => ToRpc(Code.AlreadyExists, e.Message,
            new ResourceInfo { ResourceType = e.ResourceType, ResourceName = Refusals.Cut(e.ResourceId) }),
        PreconditionFailedException e => ToRpc(Code.FailedPrecondition, e.Message, new PreconditionFailure
        {
            Violations =
            {
                new PreconditionFailure.Types.Violation
                {
                    Type = e.Type, Subject = Refusals.Cut(e.Subject), Description = Refusals.Cut(e.Message, Refusals.MaxMessageLength),
                },
            },
        }),
        AccessDeniedException e => ToRpc(Code.PermissionDenied, e.Message,
            new ErrorInfo { Reason = "ACCESS_DENIED", Domain = Domain }),
        DbUpdateConcurrencyException => ToRpc(Code.Aborted,
            "The record changed while this request was being applied; retry with the same request_id.",
            new ErrorInfo { Reason = "CONCURRENT_CHANGE", Domain = Domain }),
        OperationCanceledException when context.CancellationToken.IsCancellationRequested =>
            new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "The call was cancelled.")),
        _ => Unexpected(exception, context),
    };

    private RpcException Unexpected(Exception exception, ServerCallContext context)
    {
        var traceId = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? "none";
        LogUnexpected(logger, exception, context.Method, traceId);
        return ToRpc(Code.Internal, $"Internal error; quote trace id {traceId} when reporting it.",
            new ErrorInfo { Reason = "INTERNAL", Domain = Domain, Metadata = { ["trace_id"] = traceId } });
    }

    private static RpcException ToRpc(Code code, string message, Google.Protobuf.IMessage detail) => Refusals.Of(code, message, detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in {Method} (trace {TraceId})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string traceId);
}
