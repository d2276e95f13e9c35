using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Http;
using OAuthClients.Sdk.Internal;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>
/// Cerberus credentials: the organisation header on every request, then a bearer token (an API key or a token
/// provider's), or an admin session (<see cref="CerberusSession"/>: pasted, or logged in by the SDK). One instance is
/// shared by every client of a registration.
/// </summary>
internal sealed class CerberusAuthenticator : IRequestAuthenticator
{
    private readonly string? _organisation;
    private readonly BearerAuthenticator? _bearer;
    private readonly CerberusSession? _session;

    public CerberusAuthenticator(OAuthClientsOptions options, ApiRequest csrfTokenRequest, BearerAuthenticator? bearer, CredentialRegistry credentials)
    {
        _organisation = options.Tenant;
        _bearer = bearer;
        Credentials = credentials;
        _session = bearer is null ? new CerberusSession(options, csrfTokenRequest, credentials) : null;
    }

    public CredentialRegistry Credentials { get; }

    public ValueTask AuthenticateAsync(HttpRequestMessage message, ApiTransport transport, CancellationToken cancellationToken)
    {
        CerberusSession.AddOrganisation(message, _organisation);
        return _bearer?.AuthenticateAsync(message, transport, cancellationToken) ?? _session!.AuthenticateAsync(message, transport, cancellationToken);
    }

    public void OnResponse(HttpResponseMessage response, ApiTransport transport) => _session?.OnResponse(response, transport.Time.GetUtcNow());

    public bool CanReplay(HttpResponseMessage response, byte[] body) => _bearer?.CanReplay(response, body) ?? _session!.CanReplay(response, body);

    public ValueTask LogOutAsync(ApiTransport transport, CancellationToken cancellationToken) =>
        _session?.LogOutAsync(transport, cancellationToken) ?? default;
}
