using System.Text;
using Coordination.Common.V1;
using Coordination.Validation;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Persistence;

/// <summary>Where a page starts and how long it is, read from a <see cref="PageRequest"/>.</summary>
public readonly record struct PageCursor(int Size, string? AfterId);

/// <summary>Keyset paging by record id, with opaque tokens.</summary>
public static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;
    private const string TokenPrefix = "v1:";

    public static PageCursor Read(PageRequest? page, Violations v, string field = "page")
    {
        var size = page?.PageSize ?? 0;
        if (size < 0)
        {
            v.Add($"{field}.page_size", "must not be negative");
        }
        size = size == 0 ? DefaultSize : Math.Min(size, MaxSize);

        var token = page?.PageToken ?? "";
        if (token.Length == 0)
        {
            return new PageCursor(size, null);
        }
        var after = Decode(token);
        if (after is null)
        {
            v.Add($"{field}.page_token", "is not a token this service issued; pass next_page_token back unchanged");
        }
        return new PageCursor(size, after);
    }

    public static async Task<(List<T> Items, PageResponse Page)> ToPageAsync<T>(
        this IQueryable<T> query, PageCursor cursor, CancellationToken ct) where T : class, IKeyed
    {
        if (cursor.AfterId is { } after)
        {
            query = query.Where(x => string.Compare(x.Id, after) > 0);
        }
        var items = await query.OrderBy(x => x.Id).Take(cursor.Size + 1).ToListAsync(ct);
        var next = "";
        if (items.Count > cursor.Size)
        {
            items.RemoveAt(items.Count - 1);
            next = Encode(items[^1].Id);
        }
        return (items, new PageResponse { NextPageToken = next });
    }

    private static string Encode(string id) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(TokenPrefix + id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(base64));
            return text.StartsWith(TokenPrefix, StringComparison.Ordinal) && Fields.IsWellFormedId(text[TokenPrefix.Length..])
                ? text[TokenPrefix.Length..]
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
