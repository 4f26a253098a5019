namespace Coordination.Persistence;

/// <summary>What bringing a schema up to date did: the migrations this run applied, of how many the service has.</summary>
public sealed record SchemaMigration(IReadOnlyList<string> Applied, int Known, string Database)
{
    /// <summary>One line for the operator: the migrations applied by name, or that there was nothing to do.</summary>
    public string Summary => Applied.Count > 0
        ? $"Applied {Applied.Count} migration(s) to {Database}: {string.Join(", ", Applied)}"
        : $"{Database}: schema is up to date ({Known} migrations)";
}
