using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Http;
using OAuthClients.Sdk.Internal;

namespace OAuthClients.Sdk.Dialects.LumoAuth;

/// <summary>
/// The API key of LumoAuth's <c>/admin/clients</c> API, in <c>X-API-Key</c>. Never together with <c>Authorization</c>:
/// LumoAuth refuses a request that carries both.
/// </summary>
internal sealed class LumoAuthApiKeyAuthenticator : IRequestAuthenticator
{
    public const string Header = "X-API-Key";

    private readonly string _apiKey;

    public LumoAuthApiKeyAuthenticator(string apiKey, CredentialRegistry credentials)
    {
        _apiKey = apiKey;
        Credentials = credentials;
        credentials.AddConfigured(apiKey);
    }

    public CredentialRegistry Credentials { get; }

    public ValueTask AuthenticateAsync(HttpRequestMessage message, ApiTransport transport, CancellationToken cancellationToken)
    {
        // The transport sets no Authorization header on a request the dialect authenticates.
        message.Headers.TryAddWithoutValidation(Header, _apiKey);
        return default;
    }

    public void OnResponse(HttpResponseMessage response, ApiTransport transport)
    {
    }

    // A fixed key that was refused stays refused.
    public bool CanReplay(HttpResponseMessage response, byte[] body) => false;

    public ValueTask LogOutAsync(ApiTransport transport, CancellationToken cancellationToken) => default;
}
