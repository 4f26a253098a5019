using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Status = Google.Rpc.Status;

namespace Coordination.Errors;

/// <summary>
/// gRPC statuses with google.rpc details, built in one place so that every refusal is bounded: a message of at most
/// <see cref="MaxMessageLength"/> characters and details whose texts are cut too, whatever a request carried. A status
/// travels in HTTP/2 trailers, and a proxy drops a call whose trailers grow past its limit (YARP near 64 KB).
/// </summary>
public static class Refusals
{
    public const string Domain = "coordination.mission";

    /// <summary>How long a status message may be.</summary>
    public const int MaxMessageLength = 512;

    /// <summary>How long a text inside a detail (a resource name, a subject) may be.</summary>
    public const int MaxDetailLength = 200;

    /// <summary>How long a field violation's description may be: enough for "one of" an enum's values by their
    /// contract names (<c>STOCK_MOVEMENT_KIND_RECEIVED, …</c>), still bounded.</summary>
    public const int MaxDescriptionLength = 300;

    /// <summary>INVALID_ARGUMENT with a google.rpc.BadRequest naming each field.</summary>
    public static RpcException InvalidArgument(IReadOnlyList<FieldViolation> violations) =>
        Of(Code.InvalidArgument, string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")), new BadRequest
        {
            FieldViolations =
            {
                violations.Select(v => new BadRequest.Types.FieldViolation { Field = Cut(v.Field), Description = Cut(v.Description, MaxDescriptionLength) }),
            },
        });

    /// <summary>INVALID_ARGUMENT for a request that cannot be read at all: the violation names <c>request</c>.</summary>
    public static RpcException Unreadable(string description) => InvalidArgument([new FieldViolation("request", description)]);

    /// <summary>RESOURCE_EXHAUSTED for a message larger than the call accepts.</summary>
    public static RpcException TooLarge(string description) =>
        Of(Code.ResourceExhausted, description, new ErrorInfo { Reason = "MESSAGE_TOO_LARGE", Domain = Domain });

    public static RpcException Of(Code code, string message, Google.Protobuf.IMessage detail) =>
        new Status { Code = (int)code, Message = Cut(message, MaxMessageLength), Details = { Any.Pack(detail) } }.ToRpcException();

    /// <summary>
    /// Cuts a text (what a request carried, an error) to at most <paramref name="length"/> characters, ending in "…"
    /// when it was longer, and never between the two halves of a character written as a surrogate pair (an emoji).
    /// </summary>
    public static string Cut(string text, int length = MaxDetailLength)
    {
        if (text.Length <= length)
        {
            return text;
        }
        var keep = Math.Max(length - 1, 0);
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }
        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
