namespace OAuthClients.Sdk;

/// <summary>
/// How the paths of LumoAuth's <see cref="LumoAuthApi.Clients"/> API name the tenant. Both reach the same server routes;
/// <see cref="OAuthClientsOptions.Tenant"/> fills the placeholder either way.
/// </summary>
public enum LumoAuthRoutePrefix
{
    /// <summary><c>/t/{tenant}/api/v1/admin/clients</c>, as LumoAuth's admin documentation and CLI write it.</summary>
    Tenant,

    /// <summary><c>/orgs/{orgId}/api/v1/admin/clients</c>, as LumoAuth's OpenAPI specification writes it.</summary>
    Organization,
}
