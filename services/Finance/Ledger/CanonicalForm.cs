using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Coordination.Finance.Ledger;

/// <summary>
/// The one definition of how a ledger entry is hashed. An entry's canonical form is its fields in a fixed order, each
/// written as <c>name=length:value</c> and a line feed, the length counted in UTF-16 code units so that no value can
/// pass for another field. Integers are invariant decimals, dates <c>yyyy-MM-dd</c>, instants
/// <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c> (UTC to the microsecond, as stored), booleans <c>true</c>/<c>false</c>, enums
/// their contract names, and an absent value the empty string. An entry's hash is SHA-256 over the UTF-8 bytes of the
/// previous entry's hash, a line feed and the canonical form, written as lower-case hex; the first entry chains
/// <see cref="Genesis"/>.
/// </summary>
public sealed class CanonicalForm
{
    /// <summary>What the first entry chains to.</summary>
    public static readonly string Genesis = new('0', 64);

    private readonly StringBuilder text = new(512);

    public CanonicalForm(string kind, long sequence)
    {
        Add("kind", kind).Add("sequence", sequence);
    }

    public CanonicalForm Add(string name, string? value)
    {
        value ??= "";
        text.Append(name).Append('=').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
        return this;
    }

    public CanonicalForm Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    public CanonicalForm Add(string name, bool value) => Add(name, value ? "true" : "false");

    public CanonicalForm Add(string name, DateOnly? value) =>
        Add(name, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public CanonicalForm Add(string name, DateTime value) =>
        Add(name, value.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));

    public override string ToString() => text.ToString();

    /// <summary>The hash of an entry with this canonical form, chained to <paramref name="previousHash"/>.</summary>
    public string Hash(string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{previousHash}\n{text}")));
}
