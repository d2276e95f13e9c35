namespace OAuthClients.Sdk;

/// <summary>The identity provider whose admin API an <see cref="OAuthClientsClient"/> talks to.</summary>
public enum OAuthDialect
{
    /// <summary>
    /// LumoAuth, the hosted multi-tenant provider: the tenant slug is part of the path
    /// (<c>/t/{tenant}/api/v1/admin/oauth-clients</c>, or <c>/admin/clients</c> with <see cref="OAuthClientsOptions.LumoAuthApi"/>
    /// set to <see cref="LumoAuthApi.Clients"/>) and an admin API key is sent as a bearer token (in <c>X-API-Key</c> on
    /// <see cref="LumoAuthApi.Clients"/>).
    /// </summary>
    LumoAuth,

    /// <summary>
    /// Cerberus IAM, the self-hosted provider: <c>/v1/admin/clients</c>, authenticated with a session cookie and a
    /// CSRF token, or with an API key.
    /// </summary>
    Cerberus,
}
