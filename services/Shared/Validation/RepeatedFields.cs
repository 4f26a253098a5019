namespace Coordination.Validation;

/// <summary>
/// Checks of repeated fields that cost no more than one pass over what was sent: the count first (out of range, one
/// violation and no look at any element), then duplicates with one set.
/// </summary>
public static class RepeatedFields
{
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
