using Npgsql;

namespace Coordination.Local;

/// <summary>The local run on a PostgreSQL server (--postgres): each service owns a database coordination_&lt;service&gt;.</summary>
public static class LocalPostgres
{
    public static string DatabaseOf(string service) => $"coordination_{service}";

    /// <summary>Creates the service's database when it is missing; returns its connection string.</summary>
    public static async Task<string> EnsureDatabaseAsync(string serverConnection, string service, CancellationToken ct)
    {
        await OnServerAsync(serverConnection, async connection =>
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", DatabaseOf(service));
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseOf(service)}\"", connection);
                await create.ExecuteNonQueryAsync(ct);
            }
        }, ct);
        return new NpgsqlConnectionStringBuilder(serverConnection) { Database = DatabaseOf(service) }.ConnectionString;
    }

    /// <summary>Drops the services' databases (--reset), ending the sessions still open on them.</summary>
    public static Task DropDatabasesAsync(string serverConnection, IEnumerable<string> services, CancellationToken ct) =>
        OnServerAsync(serverConnection, async connection =>
        {
            foreach (var service in services)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseOf(service)}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync(ct);
            }
        }, ct);

    private static async Task OnServerAsync(string serverConnection, Func<NpgsqlConnection, Task> work, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(serverConnection);
            await connection.OpenAsync(ct);
            await work(connection);
        }
        catch (NpgsqlException e)
        {
            var server = new NpgsqlConnectionStringBuilder(serverConnection);
            throw new LocalStartException(
                $"--postgres: PostgreSQL at {server.Host}:{server.Port} refused or did not answer ({Reason(e)}). Start it or correct the connection string, or leave --postgres out to use SQLite files.", e);
        }
    }

    private static string Reason(NpgsqlException e) =>
        (e is PostgresException ? e.Message : e.InnerException?.Message ?? e.Message).TrimEnd('.');
}
