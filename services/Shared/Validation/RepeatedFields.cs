namespace Coordination.Validation;

/// <summary>
/// Checks of a repeated field that cost at most one pass over it, whatever a client sends: its count before any entry is
/// read, and repeats found with one set.
/// </summary>
public static class RepeatedFields
{
    /// <summary>
    /// True when <paramref name="count"/> is from <paramref name="min"/> to <paramref name="max"/>; otherwise false with a
    /// violation on <paramref name="field"/>, and the caller reads none of the entries.
    /// </summary>
    public static bool CountWithin(this Violations v, int count, string field, int min, int max, string description)
    {
        v.Check(count >= min && count <= max, field, description);
        return count >= min && count <= max;
    }

    /// <summary>Checks how many elements were sent; false (and one violation) when out of range, so the caller skips per-element checks.</summary>
    public static bool Count(this Violations v, int count, string field, int min, int max)
    {
        if (count >= min && count <= max)
        {
            return true;
        }
        v.Add(field, min > 0 ? $"required: {min:N0} to {max:N0} entries, not {count:N0}" : $"at most {max:N0} entries, not {count:N0}");
        return false;
    }

    /// <summary>A violation on every entry whose key an earlier entry already had, naming that earlier entry.</summary>
    public static void Unique<T, TKey>(this Violations v, IReadOnlyList<T> entries, Func<T, TKey> key, string field,
        IEqualityComparer<TKey>? comparer = null) where TKey : notnull
    {
        var first = new Dictionary<TKey, int>(entries.Count, comparer);
        for (var i = 0; i < entries.Count; i++)
        {
            if (!first.TryAdd(key(entries[i]), i))
            {
                v.Add($"{field}[{i}]", $"repeats {field}[{first[key(entries[i])]}]");
            }
        }
    }

    /// <summary>Adds a violation for each element whose key an earlier element already has, in one pass.</summary>
    public static void Distinct<T>(this Violations v, IReadOnlyList<T> items, Func<T, string> key, Func<int, string> field, string description)
    {
        var seen = new HashSet<string>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (!seen.Add(key(items[i])))
            {
                v.Add(field(i), description);
            }
        }
    }
}
