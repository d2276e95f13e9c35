using System;
using System.Collections.Generic;

namespace OAuthClients.Sdk.Models;

/// <summary>An OAuth client registration (an application that logs users in or calls APIs), in either dialect.</summary>
/// <remarks>
/// Members a dialect never returns keep the defaults documented on each member. The client secret is never part of
/// this object: it is returned once, by <see cref="IOAuthClientsClient.CreateAsync"/> and
/// <see cref="IOAuthClientsClient.RotateSecretAsync"/>.
/// </remarks>
public sealed record OAuthClient
{
    internal static readonly TimeSpan DefaultAccessTokenLifetime = TimeSpan.FromHours(1);
    internal static readonly TimeSpan DefaultRefreshTokenLifetime = TimeSpan.FromDays(30);

    /// <summary>Gets the server's identifier of the registration: the id used in admin API paths. Opaque.</summary>
    public required string Id { get; init; }

    /// <summary>
    /// Gets the OAuth <c>client_id</c> that applications present in OAuth flows. When the server does not return a
    /// separate client id (LumoAuth's documented object), it is the same as <see cref="Id"/>.
    /// </summary>
    public required string ClientId { get; init; }

    /// <summary>Gets the display name shown on consent screens.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the description, or <see langword="null"/> when there is none.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Gets a value indicating whether the client is confidential (can keep a secret) rather than public.
    /// </summary>
    /// <value>The default value is <see langword="true"/>, the providers' default for new clients.</value>
    public bool IsConfidential { get; init; } = true;

    /// <summary>Gets a value indicating whether the client can obtain new tokens.</summary>
    /// <value>The default value is <see langword="true"/>, the providers' default for new clients.</value>
    public bool IsActive { get; init; } = true;

    /// <summary>Gets the allowed redirect URIs, as the server returned them.</summary>
    public IReadOnlyList<string> RedirectUris { get; init; } = [];

    /// <summary>Gets the scopes the client may request.</summary>
    public IReadOnlyList<string> AllowedScopes { get; init; } = [];

    /// <summary>
    /// Gets the allowed grant types, such as <c>authorization_code</c>. Values the SDK does not know are kept as sent.
    /// </summary>
    public IReadOnlyList<string> GrantTypes { get; init; } = [];

    /// <summary>Gets the allowed CORS origins. Cerberus only; always empty for LumoAuth.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Gets a value indicating whether the client must use PKCE.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool RequirePkce { get; init; }

    /// <summary>Gets a value indicating whether users must consent. Cerberus only; <see langword="false"/> for LumoAuth.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool RequireConsent { get; init; }

    /// <summary>Gets a value indicating whether the client is a trusted first-party app. Cerberus only; <see langword="false"/> for LumoAuth.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool IsFirstParty { get; init; }

    /// <summary>Gets the lifetime of the access tokens issued to the client.</summary>
    /// <value>The default value, used when the server omits it, is one hour (both providers' documented default).</value>
    public TimeSpan AccessTokenLifetime { get; init; } = DefaultAccessTokenLifetime;

    /// <summary>Gets the lifetime of the refresh tokens issued to the client.</summary>
    /// <value>The default value, used when the server omits it, is 30 days (both providers' documented default).</value>
    public TimeSpan RefreshTokenLifetime { get; init; } = DefaultRefreshTokenLifetime;

    /// <summary>Gets the lifetime of ID tokens. Cerberus only; <see langword="null"/> for LumoAuth or when the server omits it.</summary>
    public TimeSpan? IdTokenLifetime { get; init; }

    /// <summary>Gets when the client was created, or <see langword="null"/> when the server omits it (list summaries).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the client was last updated. Cerberus only; <see langword="null"/> when the server omits it.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
