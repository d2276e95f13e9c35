using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Sync;

/// <summary>
/// One client of a <see cref="ClientsDocument"/>: every member of <see cref="CreateOAuthClientRequest"/>, a stable key,
/// and whether it is enabled. A member left <see langword="null"/> is not managed: the plan leaves the server's value
/// alone (and a create takes the provider's default).
/// </summary>
public sealed record DesiredClient
{
    /// <summary>
    /// Gets the explicit key: the <c>clientId</c> of an existing client, so that the document may rename it. When
    /// <see langword="null"/>, the client is matched by <see cref="Name"/> (see <see cref="MatchKey"/>).
    /// </summary>
    public string? Key { get; init; }

    /// <summary>Gets the client's display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the redirect URIs (a set: order does not matter).</summary>
    public required IReadOnlyList<string> RedirectUris { get; init; }

    /// <summary>Gets the description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets whether the client is confidential (has a secret); cannot change after creation.</summary>
    public bool? IsConfidential { get; init; }

    /// <summary>Gets the application type (for example <c>web</c>); cannot change after creation.</summary>
    public string? ApplicationType { get; init; }

    /// <summary>Gets the grant types (a set).</summary>
    public IReadOnlyList<string>? GrantTypes { get; init; }

    /// <summary>Gets the allowed scopes (a set).</summary>
    public IReadOnlyList<string>? AllowedScopes { get; init; }

    /// <summary>Gets the allowed CORS origins (a set).</summary>
    public IReadOnlyList<string>? AllowedOrigins { get; init; }

    /// <summary>Gets whether PKCE is required; cannot change after creation.</summary>
    public bool? RequirePkce { get; init; }

    /// <summary>Gets whether user consent is required.</summary>
    public bool? RequireConsent { get; init; }

    /// <summary>Gets whether the client is first party; cannot change after creation.</summary>
    public bool? IsFirstParty { get; init; }

    /// <summary>Gets the access token lifetime (whole seconds in the document).</summary>
    [JsonConverter(typeof(Internal.SecondsConverter))]
    public TimeSpan? AccessTokenLifetime { get; init; }

    /// <summary>Gets the refresh token lifetime (whole seconds in the document).</summary>
    [JsonConverter(typeof(Internal.SecondsConverter))]
    public TimeSpan? RefreshTokenLifetime { get; init; }

    /// <summary>Gets the ID token lifetime (whole seconds in the document).</summary>
    [JsonConverter(typeof(Internal.SecondsConverter))]
    public TimeSpan? IdTokenLifetime { get; init; }

    /// <summary>Gets whether the client may obtain tokens (enabled); <see langword="null"/> leaves it as it is.</summary>
    public bool? IsActive { get; init; }

    /// <summary>Gets the key the plan matches server clients by: <see cref="Key"/> (a client id) when set, else <see cref="Name"/>.</summary>
    [JsonIgnore]
    public string MatchKey => Key ?? Name;
}
