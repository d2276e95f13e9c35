using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>The organisation of a profile: <c>{ id, slug, name }</c>.</summary>
internal sealed class CerberusOrganisationDto
{
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Id { get; set; }

    public string? Slug { get; set; }

    public string? Name { get; set; }
}
