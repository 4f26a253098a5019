using Microsoft.AspNetCore.Http;

namespace Coordination.Auth;

/// <summary>Writes a trailers-only gRPC response from middleware, where no gRPC handler runs.</summary>
public static class GrpcResponses
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    public static Task WriteStatusAsync(HttpResponse response, Grpc.Core.StatusCode code, string message)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        return Task.CompletedTask;
    }
}
