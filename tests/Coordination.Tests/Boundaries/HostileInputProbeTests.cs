using System.Collections.Concurrent;
using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Xunit;

namespace Coordination.Tests.Boundaries;

/// <summary>
/// The safety net of the trust boundary: every RPC of every service, found in the contracts' descriptors, is sent what a
/// hostile partner would send, through the gateway. Each answer must be a precise status (never INTERNAL, UNKNOWN or
/// UNAVAILABLE) with a small status, an INVALID_ARGUMENT must name the field at fault, and nothing may be stored.
/// The probe has a suite of its own, so that no other test's writes or events reach the rows it counts.
/// </summary>
public sealed class HostileInputProbeTests(BoundaryFixture fixture) : IClassFixture<BoundaryFixture>
{
    /// <summary>Larger than this, a status starts to strain proxies (YARP answered 502 near 64 KB).</summary>
    private const int MaxStatusBytes = 8 * 1024;

    /// <summary>The mission's administration may call every RPC (the access matrix says so), so every probe reaches
    /// the RPC's validation: anything but the expected status is a failure.</summary>
    private static readonly string Admin = TestTokens.For("KEN", Roles.MissionAdmin);

    /// <summary>
    /// Fields read only once the field they depend on is valid, which a request with one field set never is: they are
    /// still probed for a precise status, a small one and nothing stored, but cannot be named.
    /// </summary>
    private static readonly Dictionary<string, string> Staged = new()
    {
        ["/coordination.diplomacy.v1.CommitmentService/AnnounceCommitment amount.currency_code"] = "only a FUNDS commitment has an amount",
        ["/coordination.finance.v1.ContributionService/RecordContribution usd_exchange_rate"] = "the rate is read against a valid amount",
        ["/coordination.finance.v1.ContributionService/CorrectContribution usd_exchange_rate"] = "the rate is read against the corrected amount",
        ["/coordination.diplomacy.v1.MandateService/TransitionMandate successor.request_id"] = "ignored: the outer request_id is the call's",
        ["/coordination.diplomacy.v1.AgreementService/CreateAgreement party_nation_codes[0]"] = "parties are counted first: one party is below the two an agreement needs",
    };

    [Fact]
    public async Task Every_string_field_of_every_RPC_refuses_NUL_and_20_KB_with_the_field_named_and_stores_nothing()
    {
        var cases = PublicContract.Methods
            .SelectMany(m => ProtoCatalog.StringFields(m.InputType).Select(f => (Method: m, Field: f)))
            .SelectMany(c => new[] { ("NUL", "a\0b"), ("20 KB", "KEN" + new string('x', 20_000)) }.Select(v => (c.Method, c.Field, Kind: v.Item1, Value: v.Item2)))
            .ToList();

        var failures = await ProbeAsync(cases, async c =>
        {
            var answer = await CallAsync(c.Method, RawGrpc.Frame(ProtoCatalog.RequestWith(c.Method, c.Field, c.Value).ToByteArray()));
            return Judge(answer, StatusCode.InvalidArgument) ?? (c.Method.IsClientStreaming || Names(answer, c.Field.Path)
                    || Staged.ContainsKey($"{PublicContract.PathOf(c.Method)} {c.Field.Path}")
                ? null
                : $"does not name {c.Field.Path}: {string.Join(", ", answer.BadRequest?.FieldViolations.Select(v => v.Field) ?? [])}");
        }, c => $"{c.Kind} in {PublicContract.PathOf(c.Method)} {c.Field.Path}");

        Assert.True(cases.Count > 500, $"only {cases.Count} cases: the catalog lost its methods");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases failed:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public async Task A_body_that_does_not_parse_is_invalid_argument_on_every_RPC_and_a_4_GiB_prefix_is_resource_exhausted()
    {
        var cases = PublicContract.Methods.SelectMany(Malformed).ToList();

        var failures = await ProbeAsync(cases, async c => Judge(await CallAsync(c.Method, c.Body), c.Expected),
            c => $"{c.Kind} to {PublicContract.PathOf(c.Method)}");

        Assert.True(cases.Count > 800, $"only {cases.Count} cases: the catalog lost its methods");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases failed:\n{string.Join("\n", failures)}");
    }

    private static IEnumerable<(MethodDescriptor Method, string Kind, byte[] Body, StatusCode Expected)> Malformed(MethodDescriptor method)
    {
        const StatusCode invalid = StatusCode.InvalidArgument;
        yield return (method, "random bytes", RawGrpc.Frame([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]), invalid);
        yield return (method, "a bad wire type", RawGrpc.Frame([0x0F, 0x00]), invalid);
        yield return (method, "a field longer than the message", RawGrpc.Frame([0x0A, 0x64, 0x01, 0x02, 0x03]), invalid);
        yield return (method, "a frame cut short", RawGrpc.Frame([0x0A, 0x02, 0x41, 0x42], declaredLength: 50), invalid);
        yield return (method, "an unknown compression flag", RawGrpc.Frame([], flag: 7), invalid);
        yield return (method, "a 4 GiB length prefix", RawGrpc.Frame([0x0A, 0x01], declaredLength: uint.MaxValue), StatusCode.ResourceExhausted);
        if (ProtoCatalog.FirstStringField(method) is { } number)
        {
            yield return (method, "invalid UTF-8 in a string", RawGrpc.Frame([(byte)((number << 3) | 2), 0x02, 0xC3, 0x28]), invalid);
        }
        if (!method.IsClientStreaming)
        {
            yield return (method, "no message at all", [], invalid);
            yield return (method, "two messages in a unary request", [.. RawGrpc.Frame([]), .. RawGrpc.Frame([])], invalid);
        }
    }

    /// <summary>Runs the cases a few at a time and returns what went wrong with each that failed; also checks that the
    /// databases hold exactly the rows they held before.</summary>
    private async Task<List<string>> ProbeAsync<T>(List<T> cases, Func<T, Task<string?>> probe, Func<T, string> name)
    {
        var before = await StoredRows.CountAsync(fixture.Suite, SuiteHost.Modules.Keys);
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, _) =>
        {
            try
            {
                if (await probe(c) is { } failure)
                {
                    failures.Add($"{name(c)}: {failure}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                failures.Add($"{name(c)}: no answer ({e.GetType().Name}: {e.Message})");
            }
        });
        var after = await StoredRows.CountAsync(fixture.Suite, SuiteHost.Modules.Keys);
        return [.. failures.Order(StringComparer.Ordinal), .. StoredRows.Changes(before, after).Select(c => $"stored: {c}")];
    }

    private Task<RawAnswer> CallAsync(MethodDescriptor method, byte[] body) => fixture.Gateway.CallAsync(PublicContract.PathOf(method), Admin, body);

    /// <summary>What is wrong with an answer that should have been <paramref name="expected"/>, or null when nothing is.</summary>
    private static string? Judge(RawAnswer answer, StatusCode expected)
    {
        if (answer.Code != expected)
        {
            return $"expected {expected}, answered {answer}";
        }
        if (answer.StatusBytes > MaxStatusBytes)
        {
            return $"a status of {answer.StatusBytes:N0} bytes: {answer}";
        }
        return answer.Code == StatusCode.InvalidArgument && answer.BadRequest is null
            ? $"INVALID_ARGUMENT without google.rpc.BadRequest: {answer}"
            : null;
    }

    private static bool Names(RawAnswer answer, string path) =>
        answer.Code != StatusCode.InvalidArgument || answer.BadRequest!.FieldViolations.Any(v => v.Field == path);
}
