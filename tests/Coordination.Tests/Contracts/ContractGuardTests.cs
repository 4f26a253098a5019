using Coordination.Tests.Deployment;
using Coordination.Tests.Infrastructure;
using Xunit;

namespace Coordination.Tests.Contracts;

/// <summary>
/// The public contract cannot break silently: <c>buf lint</c> holds protos/ to its rules, and <c>buf breaking</c>
/// compares it with the contract partners compiled (protos/contract-baseline.binpb). A deliberate break — a field
/// renumbered, an RPC removed, a field's type changed — fails here. The baseline moves only by the rule in
/// docs/contributing.md ("The contract can only grow").
/// </summary>
public sealed class ContractGuardTests
{
    private static readonly string Baseline = Repository.Path("protos", "contract-baseline.binpb");

    [Fact]
    public void The_contract_passes_buf_lint()
    {
        var (exitCode, output, errors) = Command.Run(Buf(), "lint", Repository.Path("protos"));
        Assert.True(exitCode == 0, $"buf lint protos/ failed ({exitCode}):\n{output}{errors}");
    }

    [Fact]
    public void The_contract_is_compatible_with_the_baseline_partners_compiled()
    {
        var (exitCode, output, errors) = Command.Run(Buf(), "breaking", Repository.Path("protos"), "--against", Baseline);
        Assert.True(exitCode == 0,
            $"protos/ breaks the published contract ({exitCode}):\n{output}{errors}\nAdd instead of changing (a new field number, a new RPC, a v2 package); " +
            "docs/contributing.md says when the baseline may move.");
    }

    [Theory]
    [InlineData("coordination/logistics/v1/shipments.proto", "  string waybill_number = 5;", "  string waybill_number = 55;", "Previously present field \"5\" with name \"waybill_number\"")]
    [InlineData("coordination/logistics/v1/shipments.proto", "  rpc GetShipment(GetShipmentRequest) returns (Shipment);", "", "Previously present RPC \"GetShipment\"")]
    [InlineData("coordination/personnel/v1/pledges.proto", "  string nation_code = 1;\n}", "  int32 nation_code = 1;\n}", "changed type from \"string\" to \"int32\"")]
    public void A_breaking_change_fails_the_guard(string file, string before, string after, string reported)
    {
        var copy = Directory.CreateTempSubdirectory("contract-guard-");
        try
        {
            CopyContract(copy.FullName);
            var path = Path.Combine(copy.FullName, file);
            var text = File.ReadAllText(path);
            Assert.Contains(before, text, StringComparison.Ordinal);
            var index = text.IndexOf(before, StringComparison.Ordinal);
            File.WriteAllText(path, string.Concat(text.AsSpan(0, index), after, text.AsSpan(index + before.Length)));

            var (exitCode, output, errors) = Command.Run(Buf(), "breaking", copy.FullName, "--against", Baseline);
            Assert.True(exitCode != 0, $"buf breaking accepted a breaking change to {file}:\n{output}{errors}");
            Assert.Contains(reported, output + errors, StringComparison.Ordinal);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    /// <summary>The .proto files and buf.yaml, without the build outputs beside them.</summary>
    private static void CopyContract(string target)
    {
        File.Copy(Repository.Path("protos", "buf.yaml"), Path.Combine(target, "buf.yaml"));
        var source = Repository.Path("protos", "coordination");
        foreach (var file in Directory.EnumerateFiles(source, "*.proto", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, "coordination", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    /// <summary>buf: $BUF (./test.sh installs it from npm and sets it), else on PATH; never skipped when missing.</summary>
    private static string Buf()
    {
        if (Environment.GetEnvironmentVariable("BUF") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"BUF is set to {configured}, which does not exist.");
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Select(dir => Path.Combine(dir, "buf")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "buf was not found (looked at $BUF and on PATH). The contract guard runs `buf lint` and `buf breaking`: ./test.sh installs " +
                "it from npm (npm install @bufbuild/buf); or install it yourself and set BUF to its path.");
    }
}
