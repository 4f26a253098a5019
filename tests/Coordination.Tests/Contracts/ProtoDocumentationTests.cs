using System.Text.RegularExpressions;
using Coordination.Tests.Infrastructure;
using Xunit;

namespace Coordination.Tests.Contracts;

/// <summary>The protos are the partners' documentation: every service, RPC, message, enum, value and field says what it is.</summary>
public sealed partial class ProtoDocumentationTests
{
    [GeneratedRegex(@"^\s*(service|rpc|message|enum)\s+\w+|^\s*(repeated\s+)?[\w.]+\s+\w+\s*=\s*\d+\s*;|^\s*[A-Z][A-Z0-9_]*\s*=\s*\d+\s*;")]
    private static partial Regex Declaration();

    public static TheoryData<string> Protos()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(ProtoRoot(), "*.proto", SearchOption.AllDirectories).Order())
        {
            data.Add(Path.GetRelativePath(ProtoRoot(), file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Protos))]
    public void Every_declaration_has_a_comment_above_it(string proto)
    {
        var lines = File.ReadAllLines(Path.Combine(ProtoRoot(), proto));
        var undocumented = lines
            .Select((line, index) => (line, index))
            .Where(l => Declaration().IsMatch(l.line) && (l.index == 0 || !lines[l.index - 1].TrimStart().StartsWith("//", StringComparison.Ordinal)))
            .Select(l => $"{proto}:{l.index + 1}: {l.line.Trim()}")
            .ToList();

        Assert.True(undocumented.Count == 0, "Undocumented:\n" + string.Join('\n', undocumented));
    }

    [Theory]
    [MemberData(nameof(Protos))]
    public void Every_proto_lives_in_a_versioned_coordination_package_matching_its_folder(string proto)
    {
        var text = File.ReadAllText(Path.Combine(ProtoRoot(), proto));
        var folder = Path.GetDirectoryName(proto)!.Replace(Path.DirectorySeparatorChar, '.');
        Assert.Contains($"package {folder};", text, StringComparison.Ordinal);
        Assert.Matches(@"^coordination\.\w+\.v\d+$", folder);
    }

    private static string ProtoRoot() => Repository.Path("protos");
}
