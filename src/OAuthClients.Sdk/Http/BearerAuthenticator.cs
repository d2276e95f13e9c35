using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Internal;

namespace OAuthClients.Sdk.Http;

/// <summary>
/// Sends a token as <c>Authorization: Bearer &lt;token&gt;</c>, from a fixed API key, the caller's token provider or a
/// token endpoint. When the server refuses a renewable token with 401, the request is replayed once with a new one
/// (the server did not process a request it refused, so a replay is safe, even for a create).
/// </summary>
internal sealed class BearerAuthenticator : IRequestAuthenticator
{
    private readonly ITokenSource _source;
    private Bearer? _current;
    private string? _refused;

    /// <summary>Initializes a new instance that registers the source's secrets and every token it hands out in <paramref name="credentials"/>.</summary>
    public BearerAuthenticator(ITokenSource source, CredentialRegistry credentials)
    {
        _source = source;
        Credentials = credentials;
        foreach (var secret in source.Secrets)
        {
            credentials.AddConfigured(secret);
        }
    }

    public CredentialRegistry Credentials { get; }

    /// <summary>The bearer authenticator the options and the registered provider call for, or <see langword="null"/> when neither sets one.</summary>
    public static BearerAuthenticator? For(OAuthClientsOptions options, IOAuthClientsTokenProvider? provider, CredentialRegistry credentials) =>
        provider is not null ? new(new ProvidedToken(provider), credentials)
        : options.ApiKey is { } apiKey ? new(new FixedToken(apiKey), credentials)
        : null;

    public async ValueTask AuthenticateAsync(HttpRequestMessage message, ApiTransport transport, CancellationToken cancellationToken)
    {
        var token = await _source.GetTokenAsync(Volatile.Read(ref _refused), transport, cancellationToken).ConfigureAwait(false);
        var current = Volatile.Read(ref _current);
        if (current is null || !string.Equals(current.Token, token, StringComparison.Ordinal))
        {
            if (!Guard.IsCredential(token))
            {
                // The token itself is never quoted.
                throw new InvalidOperationException("The token provider returned a blank token, or one with white space, control or non-ASCII characters; the request was not sent.");
            }

            Credentials.Add(token);
            current = new Bearer(token, new AuthenticationHeaderValue("Bearer", token));
            Volatile.Write(ref _current, current);
        }

        message.Headers.Authorization = current.Header;
    }

    public void OnResponse(HttpResponseMessage response, ApiTransport transport)
    {
    }

    public bool CanReplay(HttpResponseMessage response, byte[] body)
    {
        if (!_source.CanRenew || response.StatusCode != HttpStatusCode.Unauthorized
            || response.RequestMessage?.Headers.Authorization?.Parameter is not { } refused)
        {
            return false;
        }

        Volatile.Write(ref _refused, refused);
        return true;
    }

    /// <summary>A bearer token is not a session: there is nothing to end.</summary>
    public ValueTask LogOutAsync(ApiTransport transport, CancellationToken cancellationToken) => default;

    /// <summary>A token and its header, replaced together. Not a record: nothing may print the token.</summary>
    private sealed class Bearer(string token, AuthenticationHeaderValue header)
    {
        public string Token { get; } = token;

        public AuthenticationHeaderValue Header { get; } = header;
    }
}
