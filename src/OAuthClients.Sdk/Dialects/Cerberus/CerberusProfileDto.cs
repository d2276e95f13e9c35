using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>
/// <c>GET /v1/me/profile</c>: <c>{ id, email, name, mfaEnabled, organisation: {id,slug,name}, roles, permissions }</c>,
/// bare or wrapped in <c>{ "data": ... }</c>. Roles may be names or objects with a name.
/// </summary>
internal sealed class CerberusProfileDto
{
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Id { get; set; }

    public string? Email { get; set; }

    public string? Name { get; set; }

    public bool? MfaEnabled { get; set; }

    public CerberusOrganisationDto? Organisation { get; set; }

    public List<JsonElement>? Roles { get; set; }

    public List<string?>? Permissions { get; set; }

    public CerberusProfileDto? Data { get; set; }

    public CerberusProfileDto Unwrapped => Data ?? this;
}
