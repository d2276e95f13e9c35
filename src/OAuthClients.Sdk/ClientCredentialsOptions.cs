using OAuthClients.Sdk.Internal;

namespace OAuthClients.Sdk;

/// <summary>
/// The OAuth client credentials of a LumoAuth admin client, which the SDK exchanges for an admin token
/// (<c>grant_type=client_credentials&amp;scope=admin</c> at <c>/t/{tenant}/api/v1/oauth/token</c>) instead of sending
/// a fixed <see cref="OAuthClientsOptions.ApiKey"/>.
/// </summary>
/// <remarks>
/// The token is cached until shortly before it expires, shared by every client of the registration, obtained
/// anew when the server refuses it with 401 Unauthorized, and never logged.
/// </remarks>
public class ClientCredentialsOptions
{
    private string? _clientId;
    private string? _clientSecret;

    /// <summary>Gets or sets the client id of the admin client.</summary>
    public string? ClientId { get => _clientId; set => _clientId = Setting.OrUnset(value); }

    /// <summary>Gets or sets the client secret of the admin client, sent only to the token endpoint (HTTP Basic).</summary>
    public string? ClientSecret { get => _clientSecret; set => _clientSecret = Setting.OrUnset(value); }
}
