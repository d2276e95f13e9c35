using System;
using System.Collections.Generic;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Testing.Internal;

/// <summary>One client as the fake stores it, whatever the dialect. Guarded by the server's lock.</summary>
internal sealed class StoredClient
{
    public required string Id { get; init; }

    public required string ClientId { get; init; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public bool IsConfidential { get; init; } = true;

    public bool IsActive { get; set; } = true;

    public List<string> RedirectUris { get; set; } = [];

    public List<string> Scopes { get; set; } = [];

    public List<string> GrantTypes { get; set; } = [];

    public List<string> AllowedOrigins { get; set; } = [];

    public string? ApplicationType { get; init; }

    /// <summary>Gets or sets when every token of the client was last revoked.</summary>
    public DateTimeOffset? TokensRevokedAt { get; set; }

    public bool RequirePkce { get; set; }

    public bool RequireConsent { get; set; }

    public bool IsFirstParty { get; set; }

    public long AccessTokenLifetime { get; set; } = 3600;

    public long RefreshTokenLifetime { get; set; } = 2592000;

    public long IdTokenLifetime { get; set; } = 3600;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? Secret { get; set; }

    /// <summary>Gets the members only Cerberus has; <see langword="null"/> for LumoAuth.</summary>
    public string? OrganisationId { get; init; }

    public string? TokenEndpointAuthMethod { get; init; }

    public string? RefreshTokenRotation { get; init; }

    public string? LogoUri { get; init; }

    public string? PolicyUri { get; init; }

    public string? TosUri { get; init; }

    public OAuthClient ToModel(bool idTokens) => new()
    {
        Id = Id,
        ClientId = ClientId,
        Name = Name,
        Description = Description,
        IsConfidential = IsConfidential,
        IsActive = IsActive,
        ApplicationType = ApplicationType,
        RedirectUris = [.. RedirectUris],
        AllowedScopes = [.. Scopes],
        GrantTypes = [.. GrantTypes],
        AllowedOrigins = [.. AllowedOrigins],
        RequirePkce = RequirePkce,
        RequireConsent = RequireConsent,
        IsFirstParty = IsFirstParty,
        AccessTokenLifetime = TimeSpan.FromSeconds(AccessTokenLifetime),
        RefreshTokenLifetime = TimeSpan.FromSeconds(RefreshTokenLifetime),
        IdTokenLifetime = idTokens ? TimeSpan.FromSeconds(IdTokenLifetime) : null,
        CreatedAt = CreatedAt,
        UpdatedAt = idTokens ? UpdatedAt : null,
        OrganisationId = OrganisationId,
        TokenEndpointAuthMethod = TokenEndpointAuthMethod,
        RefreshTokenRotation = RefreshTokenRotation,
        LogoUri = LogoUri,
        PolicyUri = PolicyUri,
        TosUri = TosUri,
    };
}
