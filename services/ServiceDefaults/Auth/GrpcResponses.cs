using Microsoft.AspNetCore.Http;

namespace Coordination.Auth;

/// <summary>Writes a trailers-only gRPC response from middleware, where no gRPC handler runs.</summary>
public static class GrpcResponses
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The status with its google.rpc details (grpc-status-details-bin), which clients decode with <c>GetRpcStatus()</c>.</summary>
    public static Task WriteStatusAsync(HttpResponse response, Google.Rpc.Status status)
    {
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(Google.Protobuf.MessageExtensions.ToByteArray(status)).TrimEnd('=');
        return WriteStatusAsync(response, (Grpc.Core.StatusCode)status.Code, status.Message);
    }

    public static Task WriteStatusAsync(HttpResponse response, Grpc.Core.StatusCode code, string message)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        return Task.CompletedTask;
    }
}
