using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>
/// Every shape Cerberus has been seen to send for one client, with the observed aliases (<c>allowedScopes</c> for
/// <c>scopes</c>, <c>pkceRequired</c> for <c>requirePkce</c>), the create response's <c>clientSecret</c>, and the
/// rotate response (<c>{ "clientSecret": ... }</c>), bare or wrapped in <c>{ "data": ... }</c>.
/// </summary>
internal sealed class CerberusClientDto
{
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Id { get; set; }

    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? ClientId { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? ClientType { get; set; }

    public List<string?>? RedirectUris { get; set; }

    public List<string?>? AllowedOrigins { get; set; }

    public List<string?>? Scopes { get; set; }

    public List<string?>? AllowedScopes { get; set; }

    public List<string?>? GrantTypes { get; set; }

    public bool? RequirePkce { get; set; }

    public bool? PkceRequired { get; set; }

    public bool? RequireConsent { get; set; }

    public bool? IsFirstParty { get; set; }

    public bool? IsActive { get; set; }

    public long? AccessTokenLifetime { get; set; }

    public long? RefreshTokenLifetime { get; set; }

    public long? IdTokenLifetime { get; set; }

    [JsonConverter(typeof(LenientTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonConverter(typeof(LenientTimestampConverter))]
    public DateTimeOffset? UpdatedAt { get; set; }

    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? OrganisationId { get; set; }

    public string? TokenEndpointAuthMethod { get; set; }

    public string? RefreshTokenRotation { get; set; }

    public string? LogoUri { get; set; }

    public string? PolicyUri { get; set; }

    public string? TosUri { get; set; }

    public bool? Revoked { get; set; }

    public string? ClientSecret { get; set; }

    public CerberusClientDto? Data { get; set; }

    /// <summary>The object that holds the client: <c>data</c> when the response is wrapped.</summary>
    public CerberusClientDto Unwrapped => Data ?? this;
}
