using System.Text.Json;

namespace OAuthClients.Sdk.Dialects;

/// <summary>A page of a paginated list: its 1-based number and, when the server said, its size.</summary>
internal readonly record struct ListPage(int Number, int? Size)
{
    /// <summary>The list path for <paramref name="page"/>: the plain collection for the first request.</summary>
    public static string Path(string collection, ListPage? page) =>
        page is not { } next ? collection : $"{collection}?page={next.Number}{(next.Size is { } size ? $"&limit={size}" : null)}";

    /// <summary>
    /// The page to fetch after <paramref name="requested"/> (<see langword="null"/> for the first), from what the
    /// response said: its page number, whether there is a next page or how many pages there are, and its size.
    /// </summary>
    /// <exception cref="JsonException">The server sent another page than the one asked for (it ignores paging).</exception>
    public static ListPage? After(ListPage? requested, int count, int? reportedPage, bool? hasNextPage, int? totalPages, int? size)
    {
        var current = requested?.Number ?? 1;
        if (reportedPage is { } page && page != current)
        {
            throw new JsonException($"Page {current} was asked for but page {page} came back: the server does not paginate as documented.");
        }

        var hasNext = hasNextPage ?? (totalPages is { } total && current < total);
        return hasNext && count > 0 ? new ListPage(current + 1, size ?? requested?.Size) : null;
    }
}
