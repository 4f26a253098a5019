using Coordination.Auth;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Requests;

/// <summary>
/// Answers a retry of a mutating call before its handler runs: when the request carries a <c>request_id</c> whose
/// answer is stored for the caller and this very request, that answer comes back, and the request is not validated
/// again (a needed-by day that has passed since, a reference that has gone). A reused id with another request is
/// INVALID_ARGUMENT on <c>request_id</c>. Runs after the access check, so a caller still needs its grant to the RPC.
/// </summary>
public sealed class RequestReplayInterceptor : Interceptor
{
    private const string RequestIdField = "request_id";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is IMessage message && RequestIdOf(message) is { Length: > 0 } requestId
            && context.GetHttpContext().RequestServices.GetService<RequestLog>() is { } log)
        {
            if (await log.StoredAnswerAsync(context.Method, message, requestId, Caller.From(context), context.CancellationToken) is { } answer)
            {
                var response = Activator.CreateInstance<TResponse>();
                ((IMessage)response).MergeFrom(answer);
                return response;
            }
            // The write need not look the id up again: a retry committing meanwhile is caught by the id's unique key.
            RequestLog.MarkLookedUp(context, requestId);
        }
        return await continuation(request, context);
    }

    private static string? RequestIdOf(IMessage message) =>
        message.Descriptor.FindFieldByName(RequestIdField) is { FieldType: FieldType.String, IsRepeated: false } field
            ? (string)field.Accessor.GetValue(message)
            : null;
}
