using System.Collections.Generic;

namespace OAuthClients.Sdk.Dialects.LumoAuth;

/// <summary>The body of create (POST) and of the partial update (PUT, or PATCH on <c>/admin/clients</c>): members left null are not sent.</summary>
internal sealed class LumoAuthClientBody
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? ApplicationType { get; set; }

    public IReadOnlyList<string>? RedirectUris { get; set; }

    public bool? IsConfidential { get; set; }

    public IReadOnlyList<string>? GrantTypes { get; set; }

    public IReadOnlyList<string>? AllowedScopes { get; set; }

    public bool? RequiresPkce { get; set; }

    public bool? IsActive { get; set; }

    public long? AccessTokenLifetime { get; set; }

    public long? RefreshTokenLifetime { get; set; }
}
