using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Coordination.Errors;
using Google.Rpc;
using Grpc.Core;

namespace Coordination.Tests.Boundaries;

/// <summary>What came back from a raw call: the status, its message and details, and how many bytes the status took.</summary>
public sealed record RawAnswer(StatusCode Code, string Message, BadRequest? BadRequest, int StatusBytes, int Messages)
{
    public override string ToString() => $"{Code} ({StatusBytes} bytes of status) \"{Refusals.Cut(Message, 200)}\"";
}

/// <summary>
/// gRPC over plain HTTP/2 with bodies built byte by byte, so a test can send what no generated client would: a message
/// that does not parse, a frame cut short, a length prefix of 4 GiB.
/// </summary>
public sealed class RawGrpc(Uri address) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true })
    {
        BaseAddress = address,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>A gRPC frame: flag byte, big-endian length, the message.</summary>
    public static byte[] Frame(byte[] message, byte flag = 0, uint? declaredLength = null)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength ?? (uint)message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>Sends <paramref name="body"/> (frames, as built) to <paramref name="path"/> and reads the answer to its end.</summary>
    public async Task<RawAnswer> CallAsync(string path, string? token, byte[] body, string? timeout = null, TimeSpan? wait = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (timeout is not null)
        {
            request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);
        }
        using var cancel = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(10));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new RawAnswer(StatusCode.Unavailable, $"HTTP {(int)response.StatusCode}", null, 0, 0);
        }
        var content = await response.Content.ReadAsByteArrayAsync(cancel.Token);
        var messages = CountFrames(content);
        // A trailers-only answer carries the status in the headers.
        var status = response.Headers.Contains("grpc-status") ? response.Headers : response.TrailingHeaders;
        var code = status.TryGetValues("grpc-status", out var codes)
            ? (StatusCode)int.Parse(codes.Single(), CultureInfo.InvariantCulture)
            : StatusCode.Unknown;
        var message = status.TryGetValues("grpc-message", out var texts) ? Uri.UnescapeDataString(texts.Single()) : "";
        var details = status.TryGetValues("grpc-status-details-bin", out var bins) ? bins.Single() : "";
        var statusBytes = status.Sum(h => h.Key.Length + h.Value.Sum(v => v.Length));
        return new RawAnswer(code, message, ReadBadRequest(details), statusBytes, messages);
    }

    private static BadRequest? ReadBadRequest(string details)
    {
        if (details.Length == 0)
        {
            return null;
        }
        var padded = details.PadRight(details.Length + ((4 - (details.Length % 4)) % 4), '=');
        var status = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(padded));
        return status.Details.FirstOrDefault(d => d.Is(BadRequest.Descriptor))?.Unpack<BadRequest>();
    }

    private static int CountFrames(byte[] content)
    {
        var count = 0;
        for (var at = 0; at + 5 <= content.Length; count++)
        {
            at += 5 + (int)BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(at + 1));
        }
        return count;
    }

    public void Dispose() => http.Dispose();
}
