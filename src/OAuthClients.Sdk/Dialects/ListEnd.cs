namespace OAuthClients.Sdk.Dialects;

/// <summary>
/// What the end of a list page says: the page to fetch next (<see langword="null"/> at the end) and the bounds the
/// server reported, which the enumeration guard holds it to.
/// </summary>
/// <param name="Next">The next page, or <see langword="null"/>.</param>
/// <param name="TotalPages">How many pages the server said there are, when it said.</param>
/// <param name="Total">How many clients the server said there are, when it said.</param>
internal readonly record struct ListEnd(ListPage? Next, int? TotalPages = null, int? Total = null)
{
    /// <summary>Gets the end of a whole list: no next page.</summary>
    public static ListEnd Whole => default;
}
