using System.Collections.Generic;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>The body of create (POST) and of the partial update (PATCH): members left null are not sent.</summary>
internal sealed class CerberusClientBody
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? ClientType { get; set; }

    public IReadOnlyList<string>? RedirectUris { get; set; }

    public IReadOnlyList<string>? AllowedOrigins { get; set; }

    public IReadOnlyList<string>? Scopes { get; set; }

    public IReadOnlyList<string>? GrantTypes { get; set; }

    public bool? RequirePkce { get; set; }

    public bool? RequireConsent { get; set; }

    public bool? IsFirstParty { get; set; }

    public bool? IsActive { get; set; }

    public long? AccessTokenLifetime { get; set; }

    public long? RefreshTokenLifetime { get; set; }

    public long? IdTokenLifetime { get; set; }

    public string? TokenEndpointAuthMethod { get; set; }

    public string? LogoUri { get; set; }

    public string? PolicyUri { get; set; }

    public string? TosUri { get; set; }
}
