using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Coordination.Errors;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Hosting;

/// <summary>
/// Checks the gRPC framing of every request body before gRPC reads it (gRPC's own reader answers a frame cut short
/// with INTERNAL and a bad flag or a length past 2 GiB with UNKNOWN): a message larger than its RPC's limit is
/// RESOURCE_EXHAUSTED as soon as its 5-byte header arrives, a body that is not a sequence of whole frames (or, for a
/// unary request, not exactly one) is INVALID_ARGUMENT, and a compressed message is UNIMPLEMENTED, as its size
/// unpacked could not be bounded.
/// </summary>
public static class RequestFrames
{
    public static WebApplication UseRequestFrameChecks(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<MessageLimits>();
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc)
            {
                var method = grpc.Method;
                var reader = new FrameCheckingReader(context.Request.BodyReader, method.Name, limits.For(method.FullName),
                    single: method.Type is MethodType.Unary or MethodType.ServerStreaming);
                context.Features.Set<IRequestBodyPipeFeature>(new CheckedBody(reader));
            }
            return next(context);
        });
        return app;
    }

    private sealed class CheckedBody(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }

    /// <summary>
    /// Passes the body through and looks at each frame header as the reader reaches it. gRPC's reader consumes whole
    /// frames only, so every read it makes starts at a frame boundary.
    /// </summary>
    private sealed class FrameCheckingReader(PipeReader inner, string method, int limit, bool single) : PipeReader
    {
        private const int HeaderSize = 5;
        private SequencePosition start;
        private int framesConsumed;

        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) =>
            Check(await inner.ReadAsync(cancellationToken));

        public override bool TryRead(out ReadResult result)
        {
            if (!inner.TryRead(out result))
            {
                return false;
            }
            result = Check(result);
            return true;
        }

        public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
            if (!consumed.Equals(start))
            {
                framesConsumed++;
            }
            inner.AdvanceTo(consumed, examined);
        }

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        private ReadResult Check(ReadResult result)
        {
            var buffer = result.Buffer;
            start = buffer.Start;
            if (result.IsCanceled || Refusal(buffer, result.IsCompleted) is not { } refusal)
            {
                return result;
            }
            inner.AdvanceTo(buffer.Start, buffer.End);
            throw refusal;
        }

        private RpcException? Refusal(ReadOnlySequence<byte> buffer, bool bodyEnded)
        {
            if (buffer.IsEmpty)
            {
                return bodyEnded && single && framesConsumed == 0
                    ? Refusals.Unreadable($"The body holds no message; {method} takes one.")
                    : null;
            }
            if (single && framesConsumed > 0)
            {
                return MoreThanOne();
            }
            if (buffer.Length < HeaderSize)
            {
                return bodyEnded ? Refusals.Unreadable("The body ends inside a message header.") : null;
            }
            Span<byte> header = stackalloc byte[HeaderSize];
            buffer.Slice(0, HeaderSize).CopyTo(header);
            var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
            return header[0] switch
            {
                > 1 => Refusals.Unreadable($"A message header's compressed flag is {header[0]}; gRPC knows 0 and 1."),
                1 => new RpcException(new Status(StatusCode.Unimplemented,
                    "Compressed request messages are not accepted; send them uncompressed (grpc-encoding identity).")),
                _ when length > limit => Refusals.TooLarge(
                    $"A {method} message may be at most {limit:N0} bytes; this one is {length:N0} bytes."),
                _ when single && buffer.Length > HeaderSize + length => MoreThanOne(),
                _ when bodyEnded && buffer.Length < HeaderSize + length => Refusals.Unreadable(
                    $"The body ends inside a message: {buffer.Length - HeaderSize:N0} of its {length:N0} bytes arrived."),
                _ => null,
            };
        }

        private RpcException MoreThanOne() => Refusals.Unreadable($"The body holds more than one message; {method} takes one.");
    }
}
