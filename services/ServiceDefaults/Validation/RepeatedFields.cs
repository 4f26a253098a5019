namespace Coordination.Validation;

/// <summary>
/// Checks of a repeated field that cost at most one pass over it, whatever a client sends: its count before any entry is
/// read, and repeats found with one dictionary.
/// </summary>
public static class RepeatedFields
{
    /// <summary>
    /// True when <paramref name="count"/> is from <paramref name="min"/> to <paramref name="max"/>; otherwise false with one
    /// violation on <paramref name="field"/> (ending with <paramref name="why"/>, when given), and the caller reads none of
    /// the entries, so a request of a million entries costs one comparison.
    /// </summary>
    public static bool CountWithin(this Violations v, int count, string field, int min, int max, string? why = null)
    {
        if (count >= min && count <= max)
        {
            return true;
        }
        var bound = min > 0 ? $"required: {min:N0} to {max:N0} entries" : $"at most {max:N0} entries";
        v.Add(field, $"{bound}, not {count:N0}{(why is null ? "" : $": {why}")}");
        return false;
    }

    /// <summary>
    /// A violation on every entry whose key an earlier entry already had, naming that earlier entry: on
    /// <c>field[i]</c>, or on <c>field[i].member</c> when the key is one <paramref name="member"/> of the entry.
    /// </summary>
    public static void Unique<T, TKey>(this Violations v, IReadOnlyList<T> entries, Func<T, TKey> key, string field, string? member = null)
        where TKey : notnull
    {
        var suffix = member is null ? "" : "." + member;
        var first = new Dictionary<TKey, int>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var k = key(entries[i]);
            if (!first.TryAdd(k, i))
            {
                v.Add($"{field}[{i}]{suffix}", $"repeats {field}[{first[k]}]{suffix}: each at most once");
            }
        }
    }
}
