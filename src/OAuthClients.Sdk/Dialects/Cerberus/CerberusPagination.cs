namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>The console's offset pagination block: <c>{ "total", "limit", "offset" }</c>.</summary>
internal sealed class CerberusPagination
{
    public int? Total { get; set; }

    public int? Limit { get; set; }

    public int? Offset { get; set; }
}
