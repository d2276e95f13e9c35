using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace OAuthClients.Sdk.Models;

/// <summary>An OAuth client registration (an application that logs users in or calls APIs), in either dialect.</summary>
/// <remarks>
/// Two clients are equal when every member is, lists compared item by item. Members a dialect never returns keep
/// the defaults documented on each member. The client secret is never part of
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

    /// <summary>
    /// Gets a value indicating whether this is a list summary rather than the full client. A summary's
    /// <see cref="RedirectUris"/>, <see cref="AllowedScopes"/> and <see cref="GrantTypes"/> are empty because the server
    /// did not return them, not because the client has none: get the client with <see cref="IOAuthClientsClient.GetAsync"/>,
    /// or list with <see cref="OAuthClientListOptions.FullClients"/>, before relying on them.
    /// </summary>
    /// <value>
    /// The default value is <see langword="false"/>. <see langword="true"/> for a listed client that lacks any of those
    /// members, as every list item of LumoAuth's <see cref="LumoAuthApi.Clients"/> API does.
    /// </value>
    public bool IsSummary { get; init; }

    /// <summary>
    /// Gets the kind of application, as LumoAuth's <see cref="LumoAuthApi.Clients"/> API names it (<c>web</c>, <c>spa</c>,
    /// <c>native</c>, <c>m2m</c>; other values are kept as sent), or <see langword="null"/> when the server does not say.
    /// </summary>
    public string? ApplicationType { get; init; }

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

    /// <summary>Gets the id of the organisation that owns the client. Cerberus only; <see langword="null"/> for LumoAuth.</summary>
    public string? OrganisationId { get; init; }

    /// <summary>
    /// Gets how the client authenticates at the token endpoint, such as <c>client_secret_basic</c>,
    /// <c>client_secret_post</c> or <c>none</c>. Cerberus only; <see langword="null"/> for LumoAuth or when the server omits it.
    /// </summary>
    public string? TokenEndpointAuthMethod { get; init; }

    /// <summary>
    /// Gets the refresh token rotation policy, such as <c>rotating</c>. Cerberus only; <see langword="null"/> for
    /// LumoAuth or when the server omits it.
    /// </summary>
    public string? RefreshTokenRotation { get; init; }

    /// <summary>Gets the address of the client's logo. Cerberus only; <see langword="null"/> when there is none.</summary>
    public string? LogoUri { get; init; }

    /// <summary>Gets the address of the client's privacy policy. Cerberus only; <see langword="null"/> when there is none.</summary>
    public string? PolicyUri { get; init; }

    /// <summary>Gets the address of the client's terms of service. Cerberus only; <see langword="null"/> when there is none.</summary>
    public string? TosUri { get; init; }

    /// <summary>
    /// Gets a value indicating whether the client was revoked (its tokens revoked and the client deactivated for good).
    /// Cerberus only; <see langword="false"/> for LumoAuth.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool IsRevoked { get; init; }

    /// <summary>Compares every member; the lists item by item, in order.</summary>
    /// <param name="other">The client to compare with.</param>
    /// <returns><see langword="true"/> when every member is equal.</returns>
    public bool Equals(OAuthClient? other) =>
        other is not null
        && Id == other.Id && ClientId == other.ClientId && Name == other.Name && Description == other.Description
        && IsConfidential == other.IsConfidential && IsActive == other.IsActive
        && IsSummary == other.IsSummary && ApplicationType == other.ApplicationType
        && RedirectUris.SequenceEqual(other.RedirectUris) && AllowedScopes.SequenceEqual(other.AllowedScopes)
        && GrantTypes.SequenceEqual(other.GrantTypes) && AllowedOrigins.SequenceEqual(other.AllowedOrigins)
        && RequirePkce == other.RequirePkce && RequireConsent == other.RequireConsent && IsFirstParty == other.IsFirstParty
        && AccessTokenLifetime == other.AccessTokenLifetime && RefreshTokenLifetime == other.RefreshTokenLifetime
        && IdTokenLifetime == other.IdTokenLifetime && CreatedAt == other.CreatedAt && UpdatedAt == other.UpdatedAt
        && OrganisationId == other.OrganisationId && TokenEndpointAuthMethod == other.TokenEndpointAuthMethod
        && RefreshTokenRotation == other.RefreshTokenRotation && LogoUri == other.LogoUri && PolicyUri == other.PolicyUri
        && TosUri == other.TosUri && IsRevoked == other.IsRevoked;

    /// <summary>Returns a hash code consistent with <see cref="Equals(OAuthClient)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id) ^ StringComparer.Ordinal.GetHashCode(ClientId) ^ RedirectUris.Count;

    // Shows the lists' items rather than their type name.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", ClientId = ").Append(ClientId).Append(", Name = ").Append(Name)
            .Append(", Description = ").Append(Description)
            .Append(", IsConfidential = ").Append(IsConfidential).Append(", IsActive = ").Append(IsActive)
            .Append(", IsSummary = ").Append(IsSummary).Append(", ApplicationType = ").Append(ApplicationType)
            .Append(", RedirectUris = [").Append(string.Join(", ", RedirectUris)).Append(']')
            .Append(", AllowedScopes = [").Append(string.Join(", ", AllowedScopes)).Append(']')
            .Append(", GrantTypes = [").Append(string.Join(", ", GrantTypes)).Append(']')
            .Append(", AllowedOrigins = [").Append(string.Join(", ", AllowedOrigins)).Append(']')
            .Append(", RequirePkce = ").Append(RequirePkce).Append(", RequireConsent = ").Append(RequireConsent)
            .Append(", IsFirstParty = ").Append(IsFirstParty)
            .Append(", AccessTokenLifetime = ").Append(AccessTokenLifetime).Append(", RefreshTokenLifetime = ").Append(RefreshTokenLifetime)
            .Append(", IdTokenLifetime = ").Append(IdTokenLifetime)
            .Append(", CreatedAt = ").Append(CreatedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .Append(", UpdatedAt = ").Append(UpdatedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .Append(", OrganisationId = ").Append(OrganisationId).Append(", TokenEndpointAuthMethod = ").Append(TokenEndpointAuthMethod)
            .Append(", RefreshTokenRotation = ").Append(RefreshTokenRotation).Append(", LogoUri = ").Append(LogoUri)
            .Append(", PolicyUri = ").Append(PolicyUri).Append(", TosUri = ").Append(TosUri).Append(", IsRevoked = ").Append(IsRevoked);
        return true;
    }
}
