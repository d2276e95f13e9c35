using System.Collections.Generic;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>The body of create (POST) and of the partial update (PATCH): members left null are not sent.</summary>
internal sealed class CerberusClientBody
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? ClientType { get; init; }

    public IReadOnlyList<string>? RedirectUris { get; init; }

    public IReadOnlyList<string>? AllowedOrigins { get; init; }

    public IReadOnlyList<string>? Scopes { get; init; }

    public IReadOnlyList<string>? GrantTypes { get; init; }

    public bool? RequirePkce { get; init; }

    public bool? RequireConsent { get; init; }

    public bool? IsFirstParty { get; init; }

    public bool? IsActive { get; init; }

    public long? AccessTokenLifetime { get; init; }

    public long? RefreshTokenLifetime { get; init; }

    public long? IdTokenLifetime { get; init; }

    public string? TokenEndpointAuthMethod { get; init; }

    public string? LogoUri { get; init; }

    public string? PolicyUri { get; init; }

    public string? TosUri { get; init; }
}
