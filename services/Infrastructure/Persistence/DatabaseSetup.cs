using Coordination.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coordination.Persistence;

/// <summary>Which database a service uses. Bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"postgres" or "sqlite"; empty means PostgreSQL when <c>ConnectionStrings:Database</c> is set, SQLite otherwise.</summary>
    public string Provider { get; set; } = "";

    /// <summary>Folder of the SQLite files (one per service).</summary>
    public string SqliteDirectory { get; set; } = ".data";

    /// <summary>Apply migrations when the service starts (development); production runs the <c>migrate</c> step as a job.</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>
    /// A SQLite file built from an older model is deleted and built again (its data is lost) instead of refused: what
    /// the local run's <c>--rebuild-local-data</c> sets.
    /// </summary>
    public bool RebuildStaleSqlite { get; set; }
}

public static class DatabaseSetup
{
    /// <summary>
    /// Registers the service's context on PostgreSQL or SQLite. PostgreSQL's schema comes from the service's migrations
    /// (the one history, <c>Persistence/Migrations</c>); the local run's SQLite file gets its schema from the model
    /// (<see cref="SqliteSchema"/>).
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string service)
        where TContext : ServiceDbContext
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString("Database") ?? "";
        var usePostgres = options.Provider.Length == 0 ? connectionString.Length > 0 : options.Provider.Equals("postgres", StringComparison.OrdinalIgnoreCase);
        if (usePostgres && connectionString.Length == 0)
        {
            throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Database is empty.");
        }
        var sqlite = "";
        if (!usePostgres)
        {
            var directory = Path.GetFullPath(options.SqliteDirectory, builder.Environment.ContentRootPath);
            Directory.CreateDirectory(directory);
            sqlite = connectionString.Length > 0 ? connectionString : $"Data Source={Path.Combine(directory, service + ".db")};Default Timeout=30";
        }

        builder.Services.AddSingleton(options);
        // Per-statement SQL is noise at Information; configuration can still turn it on.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Warning);
        builder.Services.AddCommitSignal<OutboxSignal>();
        builder.Services.TryAddSingleton<CommitSignalInterceptor>();
        builder.Services.TryAddScoped(sp => new CallDeadline(Hosting.CallClock.Of(sp)));
        builder.Services.TryAddScoped<CallDeadlineInterceptor>();
        builder.Services.AddDbContext<TContext>((sp, o) =>
        {
            _ = usePostgres ? o.UseNpgsql(connectionString) : o.UseSqlite(sqlite);
            o.AddInterceptors(sp.GetRequiredService<CommitSignalInterceptor>(), sp.GetRequiredService<CallDeadlineInterceptor>());
        });
        builder.Services.AddScoped<ServiceDbContext>(sp => sp.GetRequiredService<TContext>());
        builder.Services.AddSingleton<SchemaCheck<TContext>>();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<TContext>("database", tags: ["ready"])
            .AddCheck<SchemaCheck<TContext>>("schema", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Brings the schema up to date; what the <c>migrate</c> step and <c>MigrateOnStartup</c> run. PostgreSQL creates
    /// the database when it is missing and the role may (<see cref="MissingDatabaseException"/> when it may not), then
    /// applies the pending migrations; SQLite is built from the model, or refused with
    /// <see cref="StaleLocalDatabaseException"/> when it was built from another model (unless
    /// <see cref="DatabaseOptions.RebuildStaleSqlite"/>).
    /// </summary>
    public static async Task<SchemaMigration> MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        if (db.Database.IsNpgsql())
        {
            await CreateDatabaseAsync(db, ct);
            await CreateHistoryTableAsync(db, ct);
            using var applied = AppliedMigrations.Watch(db);
            await db.Database.MigrateAsync(ct);
            return new SchemaMigration(applied.Names, db.Database.GetMigrations().Count(), db.Database.GetDbConnection().Database);
        }
        await SqliteSchema.EnsureAsync(db, services.GetRequiredService<DatabaseOptions>().RebuildStaleSqlite, ct);
        return new SchemaMigration([], 0, Path.GetFileName(db.Database.GetDbConnection().DataSource));
    }

    /// <summary>
    /// What the schema lacks: the pending migrations on PostgreSQL, the model's schema on a SQLite file not built from
    /// it. Empty when up to date.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PendingSchemaAsync(this DbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
        {
            return [.. await db.Database.GetPendingMigrationsAsync(ct)];
        }
        return await SqliteSchema.IsCurrentAsync(db, ct) ? [] : ["the local schema of this version (SQLite, built from the model)"];
    }

    /// <summary>
    /// Each service owns its database: create it when it is missing. EF would create it inside <c>Migrate</c>, but
    /// only after the history table, which needs the database; and a role that may not create it gets one line saying
    /// what to do instead of the server's "does not exist".
    /// </summary>
    private static async Task CreateDatabaseAsync(ServiceDbContext db, CancellationToken ct)
    {
        if (await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct))
        {
            return;
        }
        // Through the server's maintenance database, as EF would, but not through EF: its log would show a refused
        // CREATE DATABASE as an error before the one line below says what to do.
        var target = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var name = target.Database ?? target.Username ?? "";
        try
        {
            await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
            await server.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", server);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another replica's migration step created it at the same moment: what we wanted.
        }
        catch (PostgresException e)
        {
            throw new MissingDatabaseException(name, $"{target.Host}:{target.Port}", target.Username ?? "", e.MessageText);
        }
    }

    /// <summary>
    /// On PostgreSQL, EF finds out whether the migration history table exists by querying it, and logs the "relation
    /// does not exist" of a first run as an error (npgsql/efcore.pg#3407), so every new database's migration log would
    /// start with a false alarm. Creating the table first (the provider's own script, IF NOT EXISTS) avoids it.
    /// </summary>
    private static async Task CreateHistoryTableAsync(ServiceDbContext db, CancellationToken ct)
    {
        var script = db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript();
        try
        {
            await db.Database.ExecuteSqlRawAsync(script.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal), ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Another replica's migration step created it at the same moment: what we wanted.
        }
    }
}
