namespace Coordination.Tests.Infrastructure;

/// <summary>The repository the tests run from, for specifications that read its files (protos, docs, manifests).</summary>
public static class Repository
{
    /// <summary>The folder holding <c>Coordination.sln</c>, found above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path inside the repository: <c>Repository.Path("docs", "api.md")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The text of a file inside the repository.</summary>
    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Coordination.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Coordination.sln not found above the test binaries.");
    }
}
