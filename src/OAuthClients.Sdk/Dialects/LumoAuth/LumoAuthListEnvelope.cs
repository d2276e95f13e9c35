using System.Collections.Generic;

namespace OAuthClients.Sdk.Dialects.LumoAuth;

/// <summary>The paginated list: <c>{ "data": [...], "meta": {...} }</c>, the page info also seen under <c>pagination</c>.</summary>
internal sealed class LumoAuthListEnvelope
{
    public List<LumoAuthClientDto?>? Data { get; set; }

    public LumoAuthPageMeta? Meta { get; set; }

    public LumoAuthPageMeta? Pagination { get; set; }
}
