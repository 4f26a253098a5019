using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Persistence;

/// <summary>
/// The one way running totals are kept: deltas added to a row in one atomic statement,
/// <c>INSERT … ON CONFLICT (key) DO UPDATE SET total = total + excluded.total</c>, so concurrent writers never read a
/// total to write it back, and no row is read first. Statements gather in one batch, sent in one round trip inside the
/// caller's transaction; the same SQL runs on PostgreSQL and SQLite, and every value travels as a parameter.
/// </summary>
public sealed class RunningTotalsBatch
{
    private readonly StringBuilder sql = new();
    private readonly List<object> values = [];

    /// <summary>True when nothing was added.</summary>
    public bool IsEmpty => sql.Length == 0;

    /// <summary>
    /// Adds <paramref name="deltas"/> to the row of <paramref name="table"/> with <paramref name="key"/>, creating it
    /// with the deltas when it does not exist. With <paramref name="revision"/>, the row's <c>"Revision"</c> starts at 1
    /// and moves by one with each change.
    /// </summary>
    public RunningTotalsBatch Add(string table, IReadOnlyList<(string Column, object Value)> key, IReadOnlyList<(string Column, object Delta)> deltas, bool revision = false)
    {
        var columns = key.Select(k => k.Column).Concat(deltas.Select(d => d.Column)).Select(Quoted).ToList();
        var row = key.Select(k => Parameter(k.Value)).Concat(deltas.Select(d => Parameter(d.Delta))).ToList();
        var sets = deltas.Select(d => $"{Quoted(d.Column)} = {table}.{Quoted(d.Column)} + excluded.{Quoted(d.Column)}").ToList();
        if (revision)
        {
            columns.Add(Quoted("Revision"));
            row.Add("1");
            sets.Add($"\"Revision\" = {table}.\"Revision\" + 1");
        }
        sql.Append($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", row)})\n")
            .Append($"ON CONFLICT ({string.Join(", ", key.Select(k => Quoted(k.Column)))}) DO UPDATE SET {string.Join(", ", sets)};\n");
        return this;
    }

    /// <summary>
    /// Another statement of the batch (e.g. removing a row whose totals came to nothing), its values placed with
    /// <see cref="Parameter"/>.
    /// </summary>
    public RunningTotalsBatch Then(string statement)
    {
        sql.Append(statement.TrimEnd().TrimEnd(';')).Append(";\n");
        return this;
    }

    /// <summary>The placeholder of <paramref name="value"/>, a parameter of the batch.</summary>
    public string Parameter(object value)
    {
        values.Add(value);
        return $"{{{values.Count - 1}}}";
    }

    /// <summary>Sends the batch, when there is one, in the caller's transaction.</summary>
    public Task ExecuteAsync(DbContext db, CancellationToken ct) =>
        IsEmpty ? Task.CompletedTask : db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);

    private static string Quoted(string column) => $"\"{column}\"";
}
