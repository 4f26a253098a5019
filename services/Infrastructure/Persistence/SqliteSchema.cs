using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Persistence;

/// <summary>
/// The SQLite file of the local run gets its schema from the model, not from migrations: PostgreSQL's migrations are
/// the one history (docs/contributing.md). The file is stamped (<c>PRAGMA user_version</c>) with a hash of the schema
/// it was built from; a file stamped by another model (data of an older checkout) is refused with
/// <see cref="StaleLocalDatabaseException"/>, which says how to rebuild it, or rebuilt when asked to.
/// </summary>
public static class SqliteSchema
{
    /// <summary>The stamp of <paramref name="db"/>'s model: a hash of the SQL that creates its schema, never 0.</summary>
    public static int StampOf(DbContext db)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(db.Database.GenerateCreateScript()));
        var stamp = BitConverter.ToInt32(hash) & int.MaxValue;
        return stamp == 0 ? 1 : stamp;
    }

    /// <summary>
    /// Builds the schema in an empty file and stamps it; leaves a file of the same stamp as it is. A file of another
    /// stamp (or tables without a stamp: the local data of a version that still had SQLite migrations) is deleted and
    /// built again when <paramref name="rebuildStale"/>, refused otherwise.
    /// </summary>
    public static async Task EnsureAsync(DbContext db, bool rebuildStale, CancellationToken ct)
    {
        var stamp = StampOf(db);
        var found = await ScalarAsync(db, "PRAGMA user_version;", ct);
        if (found != stamp)
        {
            if (found != 0 || await ScalarAsync(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table';", ct) > 0)
            {
                var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
                if (!rebuildStale)
                {
                    throw new StaleLocalDatabaseException(file, found, stamp);
                }
                await db.Database.CloseConnectionAsync();
                SqliteConnection.ClearAllPools();
                DeleteFiles(file);
            }
            await db.Database.EnsureCreatedAsync(ct);
            // A pragma takes no parameters; the stamp is a number this method computed.
            var setStamp = "PRAGMA user_version = " + stamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";
            await db.Database.ExecuteSqlRawAsync(setStamp, ct);
        }
        // Readers do not block the writer (the gRPC handlers, consumers and relay share the file).
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>Whether the file was built from <paramref name="db"/>'s model (carries its stamp).</summary>
    public static async Task<bool> IsCurrentAsync(DbContext db, CancellationToken ct) =>
        await ScalarAsync(db, "PRAGMA user_version;", ct) == StampOf(db);

    /// <summary>
    /// Deletes a closed SQLite database: its write-ahead log first, then the file (a new file beside an old log would
    /// replay the log into it). Files that are not there are no error.
    /// </summary>
    public static void DeleteFiles(string file)
    {
        foreach (var part in new[] { file + "-wal", file + "-shm", file })
        {
            File.Delete(part);
        }
    }

    private static async Task<long> ScalarAsync(DbContext db, string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
