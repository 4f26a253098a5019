using Npgsql;

namespace Coordination.Tests.Infrastructure;

/// <summary>A fresh PostgreSQL database per service host, dropped afterwards, so tests never see each other's rows.</summary>
public static class TestDatabases
{
    public static async Task<string> CreateAsync(string service)
    {
        var server = await TestEnvironment.PostgresConnectionAsync();
        var name = $"t_{service}_{Guid.NewGuid():N}";
        name = name[..Math.Min(name.Length, 60)];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, MaxPoolSize = 20 }.ConnectionString;
    }

    public static async Task DropAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await TestEnvironment.PostgresConnectionAsync());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
