namespace Coordination.Tests.Deployment;

/// <summary>
/// <c>deploy/k8s/generate</c>: writes each service's share of the manifests from their one definition
/// (<c>deploy/k8s/per-service/</c>) for every service named in <c>deploy/k8s/services</c>.
/// </summary>
public static class PerServiceManifests
{
    /// <summary>The services a copy of <c>deploy/k8s</c> deploys, one a line of its <c>services</c> file.</summary>
    public static string[] Services(string k8s) =>
        File.ReadAllLines(Path.Combine(k8s, "services")).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    /// <summary>Runs <c>generate</c> (or <c>generate --check</c>) in a copy of <c>deploy/k8s</c>: its exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Generate(string k8s, bool check = false)
    {
        string[] arguments = check ? [Path.Combine(k8s, "generate"), "--check"] : [Path.Combine(k8s, "generate")];
        var (exitCode, output, errors) = Command.Run("bash", arguments);
        return (exitCode, output + errors);
    }

    /// <summary>A copy of <c>deploy/k8s</c> in a folder of its own, to change without touching the repository's.</summary>
    public static string Copy(string k8s, string into)
    {
        foreach (var file in Directory.EnumerateFiles(k8s, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(into, Path.GetRelativePath(k8s, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return into;
    }
}
