namespace Coordination.Persistence;

/// <summary>
/// The service's PostgreSQL database does not exist and its role may not create it; the message says what to run.
/// </summary>
public sealed class MissingDatabaseException(string database, string server, string role, string reason) : Exception(
    $"Database \"{database}\" does not exist on {server} and role \"{role}\" cannot create it ({reason}). " +
    $"Create it as an administrator: CREATE DATABASE \"{database}\" OWNER \"{role}\"; (or grant the role CREATEDB), then run migrate again.");
