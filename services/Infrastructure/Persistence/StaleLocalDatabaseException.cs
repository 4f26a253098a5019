namespace Coordination.Persistence;

/// <summary>A SQLite file holds the schema of another version of its service; the message says how to rebuild it.</summary>
public sealed class StaleLocalDatabaseException(string file, long found, int expected) : Exception(
    $"{file} holds local data of another version of the suite (schema stamp {found:x8}, this version {expected:x8}). " +
    "Rebuild it, losing that data: run the local suite with --rebuild-local-data (a service alone: Database__RebuildStaleSqlite=true), " +
    "or delete the file.")
{
    public string File { get; } = file;
}
