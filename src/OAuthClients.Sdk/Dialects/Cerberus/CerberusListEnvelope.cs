namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>
/// The list envelope without its items (<c>data</c> or <c>clients</c>, streamed by <see cref="JsonListReader"/>):
/// <c>{ "data": [...], "total": n }</c> (documented), <c>{ "clients": [...], "pagination": {...} }</c> (the console's
/// type), or the generic paginated form with <c>page</c>, <c>limit</c> and <c>pages</c>.
/// </summary>
internal sealed class CerberusListEnvelope
{
    public int? Total { get; set; }

    public int? Page { get; set; }

    public int? Limit { get; set; }

    public int? Pages { get; set; }

    public CerberusPagination? Pagination { get; set; }
}
