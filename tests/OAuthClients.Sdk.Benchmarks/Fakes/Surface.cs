namespace OAuthClients.Sdk.Benchmarks.Fakes;

/// <summary>An admin API the suite measures: a dialect and, for LumoAuth, which of its two APIs.</summary>
public enum Surface
{
    /// <summary>LumoAuth's <c>/admin/oauth-clients</c> (the seed API, <see cref="Sdk.LumoAuthApi.OAuthClients"/>).</summary>
    LumoAuth,

    /// <summary>LumoAuth's current <c>/admin/clients</c> (<see cref="Sdk.LumoAuthApi.Clients"/>): <c>X-API-Key</c>, <c>data</c> envelopes, summaries in lists.</summary>
    LumoAuthClients,

    /// <summary>Cerberus IAM's <c>/v1/admin/clients</c>.</summary>
    Cerberus,
}

public static class SurfaceExtensions
{
    public static OAuthDialect Dialect(this Surface surface) => surface == Surface.Cerberus ? OAuthDialect.Cerberus : OAuthDialect.LumoAuth;

    public static LumoAuthApi LumoAuthApi(this Surface surface) => surface == Surface.LumoAuthClients ? Sdk.LumoAuthApi.Clients : Sdk.LumoAuthApi.OAuthClients;

    /// <summary>The collection's path on the fake.</summary>
    public static string Collection(this Surface surface) => surface switch
    {
        Surface.LumoAuth => Payloads.LumoAuthCollection,
        Surface.LumoAuthClients => Payloads.LumoAuthClientsCollection,
        _ => Payloads.CerberusCollection,
    };
}
