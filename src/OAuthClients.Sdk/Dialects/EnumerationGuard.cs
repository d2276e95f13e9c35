using System;
using System.Collections.Generic;

namespace OAuthClients.Sdk.Dialects;

/// <summary>
/// Makes a paginated listing end whatever the server says: a page that repeats the previous one (a server that
/// ignores <c>page</c>) is refused, and no page is fetched beyond what the server itself reported on the first page
/// (its page count, or its total over its page size, plus one page for clients created meanwhile). Memory is bounded:
/// only the first <see cref="RememberedIds"/> ids of the last page are kept, in a list while the page is read, and in a
/// set only when another page follows (a single body, such as Cerberus' unpaged list, never builds one).
/// </summary>
internal sealed class EnumerationGuard
{
    /// <summary>How many ids of a page are remembered to recognise it when it comes again.</summary>
    public const int RememberedIds = 1000;

    private readonly bool _requireComplete;
    private readonly HashSet<string> _previous = new(StringComparer.Ordinal);
    private readonly List<string> _current;
    private bool _repeats;
    private int? _maxPages;
    private int? _total;
    private long _listed;

    /// <param name="requireComplete">Whether a listing that ends short of the total its first page reported is refused.</param>
    /// <param name="pageSize">
    /// The size of the pages asked for, if any: the ids of one are kept without growing the list (a dialect's page
    /// sizes are validated before sending, positive and far below <see cref="RememberedIds"/>).
    /// </param>
    public EnumerationGuard(bool requireComplete, int? pageSize)
    {
        _requireComplete = requireComplete;
        _current = new List<string>(pageSize.GetValueOrDefault());
    }

    /// <summary>Records a client of the page being read.</summary>
    public void Saw(OAuthClients.Sdk.Models.OAuthClient client)
    {
        _listed++;
        if (_current.Count < RememberedIds)
        {
            _repeats &= _previous.Contains(client.Id);
            _current.Add(client.Id);
        }
    }

    /// <summary>The page after <paramref name="page"/>, or <see langword="null"/> at the end; a reason to stop when the server pages forever.</summary>
    public (ListPage? Next, string? Problem) After(ListPage? page, ListEnd end)
    {
        // On the first page nothing is remembered yet, so a page with clients never repeats it.
        var number = page?.Number ?? 1;
        if (_current.Count > 0 && _repeats)
        {
            return (null, $"page {number} repeats page {number - 1} (the same clients): the server does not paginate as documented");
        }

        if (number == 1)
        {
            _total = end.Total;
            _maxPages = end.TotalPages ?? PagesOfTotal(end);
        }

        if (end.Next?.Number > _maxPages)
        {
            return (null, $"the server asks for page {end.Next?.Number} after reporting {_maxPages} page(s) in all");
        }

        if (end.Next is null && _requireComplete && _total > _listed)
        {
            return (null, $"the server reported {_total} clients but listed {_listed}, and a complete list was required");
        }

        if (end.Next is not null)
        {
            _previous.Clear();
            for (var i = 0; i < _current.Count; i++)
            {
                _previous.Add(_current[i]);
            }
        }

        _current.Clear();
        _repeats = true;
        return (end.Next, null);
    }

    /// <summary>The pages the first page's total makes at the next page's size, plus one for clients created meanwhile; <see langword="null"/> without both.</summary>
    private static int? PagesOfTotal(ListEnd end)
    {
        var size = end.Next.GetValueOrDefault().Size.GetValueOrDefault();
        if (end.Total is null || size <= 0)
        {
            return null;
        }

        return (int)Math.Min(int.MaxValue, ((end.Total.Value + (long)size - 1) / size) + 1);
    }
}
