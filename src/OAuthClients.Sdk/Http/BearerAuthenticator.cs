using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Http;

/// <summary>Sends a static API key as <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
internal sealed class BearerAuthenticator(string apiKey) : IRequestAuthenticator
{
    private readonly AuthenticationHeaderValue _header = new("Bearer", apiKey);

    public IEnumerable<string> Credentials { get; } = [apiKey];

    public ValueTask AuthenticateAsync(HttpRequestMessage message, ApiTransport transport, CancellationToken cancellationToken)
    {
        message.Headers.Authorization = _header;
        return default;
    }

    public void OnResponse(HttpResponseMessage response)
    {
    }

    public bool CanReplay(HttpResponseMessage response, byte[] body) => false;
}
