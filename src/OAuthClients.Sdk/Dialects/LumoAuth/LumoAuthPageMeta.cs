namespace OAuthClients.Sdk.Dialects.LumoAuth;

/// <summary>What a paginated list says about its page.</summary>
internal sealed class LumoAuthPageMeta
{
    public int? Page { get; set; }

    public int? Limit { get; set; }

    public int? TotalPages { get; set; }

    public int? Total { get; set; }

    public bool? HasNextPage { get; set; }
}
