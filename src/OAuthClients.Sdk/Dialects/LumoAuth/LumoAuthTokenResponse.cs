using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Dialects.LumoAuth;

/// <summary>The token endpoint's answer (RFC 6749, section 5.1).</summary>
internal sealed class LumoAuthTokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; set; }
}
