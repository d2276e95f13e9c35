using System.Collections.Generic;

namespace OAuthClients.Sdk.Dialects.LumoAuth;

/// <summary>The body of create (POST) and of the partial update (PUT, or PATCH on <c>/admin/clients</c>): members left null are not sent.</summary>
internal sealed class LumoAuthClientBody
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? ApplicationType { get; init; }

    public IReadOnlyList<string>? RedirectUris { get; init; }

    public bool? IsConfidential { get; init; }

    public IReadOnlyList<string>? GrantTypes { get; init; }

    public IReadOnlyList<string>? AllowedScopes { get; init; }

    public bool? RequiresPkce { get; init; }

    public bool? IsActive { get; init; }

    public long? AccessTokenLifetime { get; init; }

    public long? RefreshTokenLifetime { get; init; }
}
