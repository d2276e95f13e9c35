namespace OAuthClients.Sdk.Dialects.LumoAuth;

/// <summary>
/// The paginated list <c>{ "data": [...], "meta": {...} }</c> without its items (streamed by
/// <see cref="JsonListReader"/>); the page info is also seen under <c>pagination</c>.
/// </summary>
internal sealed class LumoAuthListEnvelope
{
    public LumoAuthPageMeta? Meta { get; set; }

    public LumoAuthPageMeta? Pagination { get; set; }
}
