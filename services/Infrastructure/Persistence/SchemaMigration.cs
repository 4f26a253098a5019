namespace Coordination.Persistence;

/// <summary>
/// What bringing a schema up to date did: the migrations this run applied, of how many the service has (none for a
/// local SQLite file, built from the model).
/// </summary>
public sealed record SchemaMigration(IReadOnlyList<string> Applied, int Known, string Database)
{
    /// <summary>One line for the operator: the migrations applied by name, or that there was nothing to do.</summary>
    public string Summary => Applied.Count > 0
        ? $"Applied {Applied.Count} migration(s) to {Database}: {string.Join(", ", Applied)}"
        : Known > 0 ? $"{Database}: schema is up to date ({Known} migrations)" : $"{Database}: schema is up to date";
}
