namespace OAuthClients.Sdk;

/// <summary>Which of LumoAuth's two admin APIs for OAuth clients an <see cref="OAuthClientsClient"/> speaks.</summary>
/// <remarks>
/// A LumoAuth tenant that follows LumoAuth's admin documentation, its CLI or its OpenAPI specification uses
/// <see cref="Clients"/>. <see cref="OAuthClients"/> is the API of LumoAuth's API reference page, and the default so that
/// existing configurations keep working.
/// </remarks>
public enum LumoAuthApi
{
    /// <summary>
    /// <c>/t/{tenant}/api/v1/admin/oauth-clients</c>: the API key as <c>Authorization: Bearer</c>, updates by <c>PUT</c>,
    /// <c>POST /{id}/secret</c> to regenerate a secret.
    /// </summary>
    OAuthClients,

    /// <summary>
    /// <c>/admin/clients</c> under <c>/t/{tenant}</c> or <c>/orgs/{orgId}</c> (see <see cref="LumoAuthRoutePrefix"/>): the
    /// API key in <c>X-API-Key</c>, updates by <c>PATCH</c>, <c>POST /{id}/rotate-secret</c>, enable and disable, token
    /// revocation and scopes, paginated and searchable lists of summaries.
    /// </summary>
    Clients,
}
