using System.Collections.Frozen;

namespace Coordination.Hosting;

/// <summary>
/// How large a received message may be: a unary request, or each message of a stream. Bound from the
/// <c>MessageLimits</c> section; every override of one RPC lives in <see cref="Overrides"/> (or in configuration,
/// <c>MessageLimits:Methods:coordination.diplomacy.v1.EngagementService.RecordEngagement</c>).
/// </summary>
public sealed class MessageLimitOptions
{
    public const string Section = "MessageLimits";

    /// <summary>
    /// 64 KB: every request of the suite at its largest legitimate size fits, bar those in <see cref="Overrides"/>
    /// (1,000 officer ids, 100 requisition or shipment lines, a roster row with 20 qualifications), while a request
    /// of repeated fields big enough to keep a service busy does not.
    /// </summary>
    public int DefaultBytes { get; set; } = 64 * 1024;

    /// <summary>Limits of single RPCs, by <c>package.Service/Method</c> (or <c>package.Service.Method</c>), over the
    /// built-in <see cref="Overrides"/>.</summary>
    public Dictionary<string, int> Methods { get; set; } = [];

    /// <summary>
    /// RPCs whose largest legitimate request is over the default, written as prose of 500 characters of three UTF-8
    /// bytes each: an engagement's 100 participants and 50 follow-ups, a receipt's 100 line notes, a mandate's 50
    /// tasks and 50 reporting obligations.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> Overrides = new Dictionary<string, int>
    {
        ["coordination.diplomacy.v1.EngagementService/RecordEngagement"] = 256 * 1024,
        ["coordination.logistics.v1.ShipmentService/RecordShipmentReceipt"] = 256 * 1024,
        ["coordination.diplomacy.v1.MandateService/AdoptMandate"] = 128 * 1024,
        ["coordination.diplomacy.v1.MandateService/TransitionMandate"] = 128 * 1024,
    };
}

/// <summary>The limit of each RPC, looked up by its full name (<c>/package.Service/Method</c>).</summary>
public sealed class MessageLimits
{
    private readonly FrozenDictionary<string, int> methods;

    public MessageLimits(MessageLimitOptions options)
    {
        Default = options.DefaultBytes;
        methods = MessageLimitOptions.Overrides.Concat(options.Methods)
            .GroupBy(m => FullName(m.Key), StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase);
        Largest = methods.Values.Append(Default).Max();
    }

    public int Default { get; }

    /// <summary>The largest limit of any RPC: what gRPC itself is told, as a backstop.</summary>
    public int Largest { get; }

    public int For(string fullMethodName) => methods.GetValueOrDefault(fullMethodName, Default);

    /// <summary><c>/package.Service/Method</c> from a key written so, without the first slash, or with a dot for the
    /// second (environment variable names in Kubernetes may not hold a slash).</summary>
    private static string FullName(string key)
    {
        var name = key.TrimStart('/');
        var last = name.LastIndexOf('.');
        return "/" + (name.Contains('/', StringComparison.Ordinal) || last < 0 ? name : $"{name[..last]}/{name[(last + 1)..]}");
    }
}
