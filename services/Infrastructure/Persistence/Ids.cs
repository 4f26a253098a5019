using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Coordination.Persistence;

/// <summary>
/// Record ids: UUIDv7 layout written as 32 lower-case hex characters. They sort by creation time, and within
/// one process strictly so (a counter fills the sub-millisecond bits), which is what keyset paging relies on.
/// </summary>
public static class Ids
{
    private static readonly Lock Gate = new();
    private static long lastMilliseconds;
    private static int counter;

    public static string New(TimeProvider? time = null)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds();
        long ms;
        int seq;
        lock (Gate)
        {
            if (now > lastMilliseconds)
            {
                lastMilliseconds = now;
                counter = RandomNumberGenerator.GetInt32(0, 1024);
            }
            else if (++counter > 0xFFF)
            {
                lastMilliseconds++;
                counter = 0;
            }
            ms = lastMilliseconds;
            seq = counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes, ms << 16);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[6..], (ushort)(0x7000 | seq));
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return Convert.ToHexStringLower(bytes);
    }
}

/// <summary>A record with a string id from <see cref="Ids"/>; lists page by it.</summary>
public interface IKeyed
{
    string Id { get; }
}
