using System.Text;
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
        // A gRPC-Web caller (a browser) reads a gRPC-Web answer: the same status headers under its own content type.
        response.ContentType = response.HttpContext.Request.ContentType switch
        {
            { } web when web.StartsWith("application/grpc-web-text", StringComparison.OrdinalIgnoreCase) => "application/grpc-web-text",
            { } web when web.StartsWith("application/grpc-web", StringComparison.OrdinalIgnoreCase) => "application/grpc-web",
            _ => "application/grpc",
        };
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = EncodeMessage(message);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The gRPC protocol's percent-encoding of a status message: the UTF-8 bytes outside printable ASCII (0x20-0x7E)
    /// and '%' itself become %XX, everything else stays as written, so "refused: …" reads as such in any client
    /// (Uri.EscapeDataString also encodes ':' and spaces, which clients then show escaped).
    /// </summary>
    public static string EncodeMessage(string message)
    {
        var encoded = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }
}
