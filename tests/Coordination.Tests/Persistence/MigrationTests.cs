using System.Diagnostics;
using Coordination.Diplomacy.Persistence;
using Coordination.Finance.Persistence;
using Coordination.Logistics.Persistence;
using Coordination.Personnel.Persistence;
using Coordination.Persistence;
using Coordination.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace Coordination.Tests.Persistence;

/// <summary>Each service's schema comes from migrations, on both providers, and matches its model.</summary>
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
    public async Task SQLite_migrations_build_the_whole_model(string service)
    {
        var file = Path.Combine(Path.GetTempPath(), $"coordination-{service}-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = Create(service, postgres: false, $"Data Source={file};Pooling=False");
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add");
            Assert.Equal(0, await db.RequestRecords.CountAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_migrate_step_an_operator_runs_brings_an_empty_database_up_to_date_and_exits()
    {
        var connection = await TestDatabases.CreateAsync("migrate");
        try
        {
            Assert.Equal(0, await RunMigrateAsync("Coordination.Finance.dll", connection));
            Assert.Equal(0, await RunMigrateAsync("Coordination.Finance.dll", connection));

            await using var db = Create("finance", postgres: true, connection);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            await TestDatabases.DropAsync(connection);
        }
    }

    /// <summary>Runs the service binary as the Kubernetes job does: no signing key, no broker, just the database.</summary>
    private static async Task<int> RunMigrateAsync(string assembly, string connection)
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
        Assert.True(process.ExitCode == 0, $"migrate exited {process.ExitCode}: {await output} {await errors}");
        // An operator reads this log: a migration that succeeded logs no error (EF's probe of the history table on a
        // new PostgreSQL database used to be logged as one).
        Assert.DoesNotContain("\"LogLevel\":\"Error\"", await output + await errors, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", await output + await errors, StringComparison.Ordinal);
        return process.ExitCode;
    }

    private static ServiceDbContext Create(string service, bool postgres, string connection) => (service, postgres) switch
    {
        ("personnel", true) => new PersonnelPostgresDbContext(new DbContextOptionsBuilder<PersonnelPostgresDbContext>().UseNpgsql(connection).Options),
        ("personnel", false) => new PersonnelSqliteDbContext(new DbContextOptionsBuilder<PersonnelSqliteDbContext>().UseSqlite(connection).Options),
        ("logistics", true) => new LogisticsPostgresDbContext(new DbContextOptionsBuilder<LogisticsPostgresDbContext>().UseNpgsql(connection).Options),
        ("logistics", false) => new LogisticsSqliteDbContext(new DbContextOptionsBuilder<LogisticsSqliteDbContext>().UseSqlite(connection).Options),
        ("finance", true) => new FinancePostgresDbContext(new DbContextOptionsBuilder<FinancePostgresDbContext>().UseNpgsql(connection).Options),
        ("finance", false) => new FinanceSqliteDbContext(new DbContextOptionsBuilder<FinanceSqliteDbContext>().UseSqlite(connection).Options),
        ("diplomacy", true) => new DiplomacyPostgresDbContext(new DbContextOptionsBuilder<DiplomacyPostgresDbContext>().UseNpgsql(connection).Options),
        ("diplomacy", false) => new DiplomacySqliteDbContext(new DbContextOptionsBuilder<DiplomacySqliteDbContext>().UseSqlite(connection).Options),
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };
}
