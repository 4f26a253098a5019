using Coordination.Tests.Infrastructure;
using Npgsql;

namespace Coordination.Tests.Boundaries;

/// <summary>How many rows each table of each service's database holds: taken before and after a probe, the two must
/// be equal when every call was refused.</summary>
public static class StoredRows
{
    private const string CountEveryTable = """
        SELECT table_name,
               (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text::bigint
        FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        """;

    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(SuiteHost suite, IEnumerable<string> services)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            await using var connection = new NpgsqlConnection(suite.DatabaseOf(service));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(CountEveryTable, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                counts[$"{service}.{reader.GetString(0)}"] = reader.GetInt64(1);
            }
        }
        return counts;
    }

    /// <summary>The rows of a few tables of one service, e.g. what a refused call could have added.</summary>
    public static async Task<long[]> OfAsync(SuiteHost suite, string service, params string[] tables)
    {
        var rows = await CountAsync(suite, [service]);
        return [.. tables.Select(t => rows[$"{service}.{t}"])];
    }

    /// <summary>The tables whose counts differ, e.g. <c>personnel.officers: 0 → 1</c>.</summary>
    public static IEnumerable<string> Changes(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.Where(a => before.GetValueOrDefault(a.Key) != a.Value).Select(a => $"{a.Key}: {before.GetValueOrDefault(a.Key)} → {a.Value}");
}
