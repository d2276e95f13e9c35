using System;
using System.Collections.Generic;

namespace OAuthClients.Sdk.Models;

/// <summary>The settings of a new OAuth client, for <see cref="IOAuthClientsClient.CreateAsync"/>.</summary>
/// <remarks>
/// Members left <see langword="null"/> are not sent, so the server applies its defaults. Setting a member the
/// configured dialect cannot carry (for example <see cref="AllowedOrigins"/> with LumoAuth) makes
/// <see cref="IOAuthClientsClient.CreateAsync"/> throw <see cref="ArgumentException"/> before anything is sent.
/// </remarks>
public sealed record CreateOAuthClientRequest
{
    /// <summary>Gets the display name shown on consent screens. Required, not empty.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Gets the allowed redirect URIs. Required, at least one. Each must be absolute and without a fragment; plain
    /// <c>http</c> is accepted only for loopback hosts; custom schemes such as <c>myapp://callback</c> are accepted.
    /// </summary>
    public required IReadOnlyList<string> RedirectUris { get; init; }

    /// <summary>Gets the description, or <see langword="null"/> for none.</summary>
    public string? Description { get; init; }

    /// <summary>Gets a value indicating whether the client is confidential (gets a secret) rather than public.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IsConfidential { get; init; } = true;

    /// <summary>
    /// Gets the kind of application (LumoAuth's <see cref="LumoAuthApi.Clients"/> API only): <c>web</c>, <c>spa</c>,
    /// <c>native</c> or <c>m2m</c>, or <see langword="null"/> for the server's default. <c>spa</c> and <c>native</c> apps are
    /// public, so they need <see cref="IsConfidential"/> set to <see langword="false"/>.
    /// </summary>
    public string? ApplicationType { get; init; }

    /// <summary>Gets the allowed grant types, or <see langword="null"/> for the server's default.</summary>
    public IReadOnlyList<string>? GrantTypes { get; init; }

    /// <summary>
    /// Gets the scopes the client may request, or <see langword="null"/> for the server's default.
    /// Cerberus requires at least one scope.
    /// </summary>
    public IReadOnlyList<string>? AllowedScopes { get; init; }

    /// <summary>Gets the allowed CORS origins (Cerberus only), or <see langword="null"/> for none.</summary>
    public IReadOnlyList<string>? AllowedOrigins { get; init; }

    /// <summary>Gets a value indicating whether the client must use PKCE, or <see langword="null"/> for the server's default.</summary>
    public bool? RequirePkce { get; init; }

    /// <summary>Gets a value indicating whether users must consent (Cerberus only), or <see langword="null"/> for the server's default.</summary>
    public bool? RequireConsent { get; init; }

    /// <summary>Gets a value indicating whether the client is a trusted first-party app (Cerberus only), or <see langword="null"/> for the server's default.</summary>
    public bool? IsFirstParty { get; init; }

    /// <summary>Gets the access token lifetime (positive, whole seconds), or <see langword="null"/> for the server's default.</summary>
    public TimeSpan? AccessTokenLifetime { get; init; }

    /// <summary>Gets the refresh token lifetime (positive, whole seconds), or <see langword="null"/> for the server's default.</summary>
    public TimeSpan? RefreshTokenLifetime { get; init; }

    /// <summary>Gets the ID token lifetime (Cerberus only; positive, whole seconds), or <see langword="null"/> for the server's default.</summary>
    public TimeSpan? IdTokenLifetime { get; init; }

    /// <summary>
    /// Gets how the client authenticates at the token endpoint (Cerberus only): <c>client_secret_basic</c>,
    /// <c>client_secret_post</c> or <c>none</c>; <see langword="null"/> for the server's default.
    /// </summary>
    public string? TokenEndpointAuthMethod { get; init; }

    /// <summary>Gets the address of the client's logo (Cerberus only; absolute https), or <see langword="null"/> for none.</summary>
    public string? LogoUri { get; init; }

    /// <summary>Gets the address of the client's privacy policy (Cerberus only; absolute https), or <see langword="null"/> for none.</summary>
    public string? PolicyUri { get; init; }

    /// <summary>Gets the address of the client's terms of service (Cerberus only; absolute https), or <see langword="null"/> for none.</summary>
    public string? TosUri { get; init; }
}
