using System;
using System.Collections.Generic;

namespace OAuthClients.Sdk.Models;

/// <summary>
/// A partial update of an OAuth client, for <see cref="IOAuthClientsClient.UpdateAsync"/>. Every member is optional:
/// <see langword="null"/> means "leave unchanged", and only the members that are set are sent.
/// </summary>
/// <remarks>
/// Setting a member the configured dialect cannot carry (for example <see cref="AllowedOrigins"/> with LumoAuth) makes
/// <see cref="IOAuthClientsClient.UpdateAsync"/> throw <see cref="ArgumentException"/> before anything is sent.
/// </remarks>
public sealed record UpdateOAuthClientRequest
{
    /// <summary>Gets the new display name, or <see langword="null"/> to leave it unchanged.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the new description, or <see langword="null"/> to leave it unchanged.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Gets the new redirect URIs, replacing the old ones (at least one; the same rules as on create), or
    /// <see langword="null"/> to leave them unchanged.
    /// </summary>
    public IReadOnlyList<string>? RedirectUris { get; init; }

    /// <summary>Gets the new scopes, replacing the old ones, or <see langword="null"/> to leave them unchanged.</summary>
    public IReadOnlyList<string>? AllowedScopes { get; init; }

    /// <summary>Gets the new grant types, replacing the old ones, or <see langword="null"/> to leave them unchanged.</summary>
    public IReadOnlyList<string>? GrantTypes { get; init; }

    /// <summary>Gets the new CORS origins (Cerberus only), or <see langword="null"/> to leave them unchanged.</summary>
    public IReadOnlyList<string>? AllowedOrigins { get; init; }

    /// <summary>Gets a value that activates or deactivates the client, or <see langword="null"/> to leave it unchanged.</summary>
    public bool? IsActive { get; init; }

    /// <summary>Gets a value indicating whether users must consent (Cerberus only), or <see langword="null"/> to leave it unchanged.</summary>
    public bool? RequireConsent { get; init; }

    /// <summary>Gets the new access token lifetime (positive, whole seconds), or <see langword="null"/> to leave it unchanged.</summary>
    public TimeSpan? AccessTokenLifetime { get; init; }

    /// <summary>Gets the new refresh token lifetime (positive, whole seconds), or <see langword="null"/> to leave it unchanged.</summary>
    public TimeSpan? RefreshTokenLifetime { get; init; }

    /// <summary>Gets the new ID token lifetime (Cerberus only; positive, whole seconds), or <see langword="null"/> to leave it unchanged.</summary>
    public TimeSpan? IdTokenLifetime { get; init; }
}
