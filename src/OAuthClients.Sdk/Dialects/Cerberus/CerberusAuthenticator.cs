using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Http;
using OAuthClients.Sdk.Internal;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>
/// Cerberus credentials: a bearer token (an API key or a token provider's), or a session cookie with a CSRF token on
/// writes. The CSRF token starts from the options, follows every <c>X-CSRF-Token</c> response header, and is fetched
/// with a GET when a write has none; the <c>cerb_csrf</c> cookie the server sets is sent back (double submit). One instance is shared
/// by every client of a registration, so its state is only ever replaced whole, atomically.
/// </summary>
internal sealed class CerberusAuthenticator : IRequestAuthenticator
{
    private const string CsrfHeader = "X-CSRF-Token";
    private const string CsrfCookie = "cerb_csrf";
    private const string OrgHeader = "X-Org-Domain";
    private static readonly Operation FetchCsrfToken = new("fetch_csrf_token", null);

    private readonly string? _organisation;
    private readonly BearerAuthenticator? _bearer;
    private readonly string _sessionCookieName;
    private readonly ApiRequest _tokenRequest;
    private readonly SemaphoreSlim _tokenFetch = new(1, 1);

    private string? _sessionCookie;
    private string? _csrfToken;
    private string? _csrfCookie;

    public CerberusAuthenticator(OAuthClientsOptions options, ApiRequest tokenRequest, BearerAuthenticator? bearer, CredentialRegistry credentials)
    {
        _organisation = options.Tenant;
        _bearer = bearer;
        Credentials = credentials;
        credentials.AddConfigured(options.SessionCookie);
        credentials.AddConfigured(options.CsrfToken);
        _sessionCookieName = options.SessionCookieName;
        _sessionCookie = options.SessionCookie;
        _csrfToken = options.CsrfToken;
        _tokenRequest = tokenRequest;
    }

    public CredentialRegistry Credentials { get; }

    public async ValueTask AuthenticateAsync(HttpRequestMessage message, ApiTransport transport, CancellationToken cancellationToken)
    {
        if (_organisation is not null)
        {
            message.Headers.Add(OrgHeader, _organisation);
        }

        if (_bearer is not null)
        {
            await _bearer.AuthenticateAsync(message, transport, cancellationToken).ConfigureAwait(false);
            return;
        }

        var needsToken = NeedsCsrfToken(message.Method);
        if (needsToken && Volatile.Read(ref _csrfToken) is null)
        {
            await FetchCsrfTokenAsync(transport, cancellationToken).ConfigureAwait(false);
        }

        var cookie = $"{_sessionCookieName}={Volatile.Read(ref _sessionCookie)}";
        if (Volatile.Read(ref _csrfCookie) is { } csrfCookie)
        {
            cookie += $"; {CsrfCookie}={csrfCookie}";
        }

        message.Headers.Add("Cookie", cookie);
        if (needsToken && Volatile.Read(ref _csrfToken) is { } token)
        {
            message.Headers.Add(CsrfHeader, token);
        }
    }

    public void OnResponse(HttpResponseMessage response)
    {
        if (_bearer is not null)
        {
            return;
        }

        if (response.Headers.TryGetValues(CsrfHeader, out var tokens) && tokens.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) is { } token)
        {
            Credentials.Add(token);
            Volatile.Write(ref _csrfToken, token);
        }

        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var (name, value) in cookies.Select(ParseSetCookie))
            {
                if (name == CsrfCookie)
                {
                    Credentials.Add(value);
                    Volatile.Write(ref _csrfCookie, value.Length == 0 ? null : value);
                }
                else if (name == _sessionCookieName && value.Length > 0)
                {
                    // The server renewed the session: keep using the renewed one.
                    Credentials.Add(value);
                    Volatile.Write(ref _sessionCookie, value);
                }
            }
        }
    }

    public bool CanReplay(HttpResponseMessage response, byte[] body)
    {
        if (_bearer is not null)
        {
            return _bearer.CanReplay(response, body);
        }

        if (response.StatusCode is not (HttpStatusCode.Forbidden or (HttpStatusCode)419)
            || response.RequestMessage is not { } request
            || !NeedsCsrfToken(request.Method)
            || Encoding.UTF8.GetString(body).IndexOf("csrf", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        // A refusal that brought no fresh token: forget the refused one (unless another call has already replaced
        // it), so that the replay fetches a new one.
        if (request.Headers.TryGetValues(CsrfHeader, out var sent) && sent.First() is var refused)
        {
            Interlocked.CompareExchange(ref _csrfToken, null, refused);
        }

        return true;
    }

    private static bool NeedsCsrfToken(HttpMethod method) =>
        method != HttpMethod.Get && method != HttpMethod.Head && method != HttpMethod.Options;

    private static (string Name, string Value) ParseSetCookie(string header)
    {
        var pair = header.Split(';')[0];
        var equals = pair.IndexOf('=');
        return equals < 0 ? (pair.Trim(), string.Empty) : (pair.Substring(0, equals).Trim(), pair.Substring(equals + 1).Trim());
    }

    private async Task FetchCsrfTokenAsync(ApiTransport transport, CancellationToken cancellationToken)
    {
        // One GET for all the writes waiting on a token, not one each.
        await _tokenFetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _csrfToken) is null)
            {
                await transport.SendAsync(_tokenRequest, FetchCsrfToken, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _tokenFetch.Release();
        }
    }
}
