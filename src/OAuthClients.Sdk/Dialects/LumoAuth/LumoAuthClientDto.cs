using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Dialects.LumoAuth;

/// <summary>
/// Every shape LumoAuth has been seen to send for one client: the bare object, the same wrapped in
/// <c>{ "data": ... }</c>, the create response with <c>secret</c>, and the rotate response (<c>{ data: { clientId, secret } }</c>).
/// </summary>
internal sealed class LumoAuthClientDto
{
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Id { get; set; }

    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? ClientId { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public bool? IsConfidential { get; set; }

    public bool? IsPublic { get; set; }

    public bool? IsActive { get; set; }

    public List<string?>? RedirectUris { get; set; }

    public List<string?>? AllowedScopes { get; set; }

    public List<string?>? Scopes { get; set; }

    public List<string?>? GrantTypes { get; set; }

    public bool? RequiresPkce { get; set; }

    public string? ApplicationType { get; set; }

    public long? AccessTokenLifetime { get; set; }

    public long? RefreshTokenLifetime { get; set; }

    [JsonConverter(typeof(LenientTimestampConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    public string? Secret { get; set; }

    public LumoAuthClientDto? Data { get; set; }

    /// <summary>The object that holds the client: <c>data</c> when the response is wrapped.</summary>
    public LumoAuthClientDto Unwrapped => Data ?? this;
}
