using System.Diagnostics;
using Coordination.Diplomacy.Persistence;
using Coordination.Finance.Persistence;
using Coordination.Logistics.Persistence;
using Coordination.Personnel.Persistence;
using Coordination.Persistence;
using Coordination.Requests;
using Coordination.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace Coordination.Tests.Persistence;

/// <summary>
/// Each service's PostgreSQL schema comes from its migrations and matches its model; the local run's SQLite file is built
/// from the model and stamped with it.
/// </summary>
public sealed class MigrationTests
{
    public static TheoryData<string> Services => ["personnel", "logistics", "finance", "diplomacy"];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task PostgreSQL_migrations_build_the_whole_model_and_a_second_run_changes_nothing(string service)
    {
        var connection = await TestDatabases.CreateAsync(service);
        try
        {
            await using var db = Create(service, postgres: true, connection);
            await db.Database.MigrateAsync();
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add");
            Assert.Equal(0, await db.OutboxMessages.CountAsync());
        }
        finally
        {
            await TestDatabases.DropAsync(connection);
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_local_SQLite_file_is_built_from_the_model_stamped_and_left_alone_by_a_second_run(string service)
    {
        var file = Path.Combine(Path.GetTempPath(), $"coordination-{service}-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = Create(service, postgres: false, $"Data Source={file};Pooling=False"))
            {
                await SqliteSchema.EnsureAsync(db, rebuildStale: false, default);
                Assert.Equal(SqliteSchema.StampOf(db), await UserVersionAsync(db));
                db.RequestRecords.Add(Record("kept"));
                await db.SaveChangesAsync();
            }
            await using (var again = Create(service, postgres: false, $"Data Source={file};Pooling=False"))
            {
                await SqliteSchema.EnsureAsync(again, rebuildStale: false, default);
                Assert.Equal(["kept"], await again.RequestRecords.Select(r => r.RequestId).ToListAsync());
            }
        }
        finally
        {
            SqliteSchema.DeleteFiles(file);
        }
    }

    [Fact]
    public async Task A_local_file_of_another_version_is_refused_with_how_to_rebuild_it_and_rebuilt_only_when_asked()
    {
        var file = Path.Combine(Path.GetTempPath(), $"coordination-stale-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = Create("finance", postgres: false, $"Data Source={file};Pooling=False");
            await SqliteSchema.EnsureAsync(db, rebuildStale: false, default);
            db.RequestRecords.Add(Record("older"));
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA user_version = 12345;");

            var refused = await Assert.ThrowsAsync<StaleLocalDatabaseException>(() => SqliteSchema.EnsureAsync(db, rebuildStale: false, default));
            Assert.Contains("--rebuild-local-data", refused.Message, StringComparison.Ordinal);
            Assert.Equal(file, refused.File);
            Assert.Equal(1, await db.RequestRecords.CountAsync());
            Assert.Equal(12345, await UserVersionAsync(db));

            await SqliteSchema.EnsureAsync(db, rebuildStale: true, default);
            Assert.Equal(0, await db.RequestRecords.CountAsync());
            Assert.Equal(SqliteSchema.StampOf(db), await UserVersionAsync(db));
        }
        finally
        {
            SqliteSchema.DeleteFiles(file);
        }
    }

    [Fact]
    public async Task Local_data_from_the_SQLite_migrations_of_earlier_versions_is_stale_too()
    {
        var file = Path.Combine(Path.GetTempPath(), $"coordination-unstamped-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = Create("personnel", postgres: false, $"Data Source={file};Pooling=False");
            await db.Database.ExecuteSqlRawAsync("""CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);""");

            await Assert.ThrowsAsync<StaleLocalDatabaseException>(() => SqliteSchema.EnsureAsync(db, rebuildStale: false, default));
            await SqliteSchema.EnsureAsync(db, rebuildStale: true, default);
            Assert.Equal(0, await db.OutboxMessages.CountAsync());
        }
        finally
        {
            SqliteSchema.DeleteFiles(file);
        }
    }

    private static RequestRecord Record(string id) => new()
    {
        Scope = "test", RequestId = id, Method = "/test", RequestHash = "0", Response = [], CreatedAt = DateTime.UnixEpoch,
    };

    private static async Task<long> UserVersionAsync(DbContext db) =>
        await db.Database.SqlQueryRaw<long>("SELECT user_version AS \"Value\" FROM pragma_user_version").SingleAsync();


    [Fact]
    public async Task The_migrate_step_creates_a_missing_database_names_the_migrations_it_applied_then_says_it_is_up_to_date()
    {
        var server = await TestEnvironment.PostgresConnectionAsync();
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = $"t_migrate_{Guid.NewGuid():N}" }.ConnectionString;
        try
        {
            var first = await RunMigrateAsync("Coordination.Finance.dll", connection);
            var second = await RunMigrateAsync("Coordination.Finance.dll", connection);

            await using var db = Create("finance", postgres: true, connection);
            var migrations = db.Database.GetMigrations().ToList();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(0, first.ExitCode);
            Assert.Contains($"Applied {migrations.Count} migration(s) to {db.Database.GetDbConnection().Database}: {string.Join(", ", migrations)}", Single(first.Output), StringComparison.Ordinal);
            Assert.DoesNotContain("up to date", first.Output, StringComparison.Ordinal);
            Assert.Equal(0, second.ExitCode);
            Assert.Contains($"schema is up to date ({migrations.Count} migrations)", Single(second.Output), StringComparison.Ordinal);
            foreach (var run in new[] { first, second })
            {
                // An operator reads this log: a migration that succeeded logs no error (EF's probe of the history table
                // on a new PostgreSQL database used to be logged as one), and nothing of the bus it does not start.
                Assert.DoesNotContain("\"LogLevel\":\"Error\"", run.Output, StringComparison.Ordinal);
                Assert.DoesNotContain("fail:", run.Output, StringComparison.Ordinal);
                Assert.DoesNotContain("MassTransit", run.Output, StringComparison.Ordinal);
            }
        }
        finally
        {
            await TestDatabases.DropAsync(connection);
        }
    }

    [Fact]
    public async Task Migrate_by_a_role_that_may_not_create_the_missing_database_says_in_one_line_how_to_create_it()
    {
        var server = await TestEnvironment.PostgresConnectionAsync();
        var role = $"t_role_{Guid.NewGuid():N}"[..20];
        var database = $"t_missing_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE ROLE \"{role}\" LOGIN NOCREATEDB PASSWORD 'migrate-test'");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = database, Username = role, Password = "migrate-test" }.ConnectionString;

            var run = await RunMigrateAsync("Coordination.Finance.dll", connection);

            Assert.Equal(1, run.ExitCode);
            var line = Single(run.Output);
            Assert.Contains($"Database \"{database}\" does not exist", line, StringComparison.Ordinal);
            Assert.Contains($"CREATE DATABASE \"{database}\" OWNER \"{role}\"", line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\"");
            await ExecuteAsync(server, $"DROP ROLE IF EXISTS \"{role}\"");
        }
    }

    [Fact]
    public async Task Migrate_against_a_server_it_cannot_reach_fails_in_one_line()
    {
        var run = await RunMigrateAsync("Coordination.Finance.dll", "Host=127.0.0.1;Port=1;Database=finance;Username=nobody;Timeout=3");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("127.0.0.1:1", Single(run.Output), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var open = new NpgsqlConnection(connection);
        await open.OpenAsync();
        await using var command = new NpgsqlCommand(sql, open);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The message of the one line a run logged (JSON, as outside Development; there must be exactly one).</summary>
    private static string Single(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"expected one line, got {lines.Length}:\n{output}");
        return System.Text.Json.JsonDocument.Parse(lines[0]).RootElement.GetProperty("Message").GetString()!;
    }

    /// <summary>Runs the service binary as the Kubernetes init container does: no signing key, no broker, just the database.</summary>
    private static async Task<(int ExitCode, string Output)> RunMigrateAsync(string assembly, string connection)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        start.ArgumentList.Add("migrate");
        start.Environment["ConnectionStrings__Database"] = connection;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    private static ServiceDbContext Create(string service, bool postgres, string connection)
    {
        DbContextOptions<T> Options<T>() where T : DbContext =>
            (postgres ? new DbContextOptionsBuilder<T>().UseNpgsql(connection) : new DbContextOptionsBuilder<T>().UseSqlite(connection)).Options;
        return service switch
        {
            "personnel" => new PersonnelDbContext(Options<PersonnelDbContext>()),
            "logistics" => new LogisticsDbContext(Options<LogisticsDbContext>()),
            "finance" => new FinanceDbContext(Options<FinanceDbContext>()),
            "diplomacy" => new DiplomacyDbContext(Options<DiplomacyDbContext>()),
            _ => throw new ArgumentOutOfRangeException(nameof(service)),
        };
    }
}
