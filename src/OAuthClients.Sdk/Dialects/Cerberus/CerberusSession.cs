using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Http;
using OAuthClients.Sdk.Internal;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>
/// A Cerberus admin session: the session cookie, and the CSRF token with the <c>cerb_csrf</c> cookie it belongs to,
/// held as one immutable <see cref="State"/> replaced atomically, so a write never sends a token with another
/// token's cookie. A pasted session (<see cref="OAuthClientsOptions.SessionCookie"/>) is kept until the server clears
/// it. A login session (<see cref="OAuthClientsOptions.Login"/>) is obtained on first use, renewed before its
/// <c>Max-Age</c> ends and after an idle gap, obtained again (once) after a 401, and ended by <see cref="LogOutAsync"/>.
/// One login and one CSRF fetch serve every caller waiting on them.
/// </summary>
internal sealed class CerberusSession
{
    private const string CsrfHeader = "X-CSRF-Token";
    private const string CsrfCookie = "cerb_csrf";

    private static readonly Operation FetchCsrfToken = new("fetch_csrf_token", null);
    private static readonly Operation EndSession = new("log_out", null);

    private readonly string? _organisation;
    private readonly ApiRequest _csrfTokenRequest;
    private readonly CerberusLogin? _login;
    private readonly SemaphoreSlim _loginGate = new(1, 1);
    private readonly SemaphoreSlim _csrfGate = new(1, 1);
    private readonly CredentialRegistry _credentials;
    private State _state;
    private long _lastUsedTicks;

    public CerberusSession(OAuthClientsOptions options, ApiRequest csrfTokenRequest, CredentialRegistry credentials)
    {
        _credentials = credentials;
        _organisation = options.Tenant;
        _csrfTokenRequest = csrfTokenRequest;
        _state = new State(options.SessionCookieName, options.SessionCookie, DateTimeOffset.MaxValue, options.CsrfToken, null);
        credentials.AddConfigured(options.SessionCookie);
        credentials.AddConfigured(options.CsrfToken);
        if (options.Login is not null)
        {
            _login = new CerberusLogin(options.Login);
            foreach (var secret in _login.Secrets)
            {
                credentials.AddConfigured(secret);
            }
        }
    }

    /// <summary>Gets the login's secrets and every session cookie, CSRF token and CSRF cookie held lately.</summary>
    public CredentialRegistry Credentials => _credentials;

    public static void AddOrganisation(HttpRequestMessage message, string? organisation)
    {
        if (organisation is not null)
        {
            message.Headers.Add("X-Org-Domain", organisation);
        }
    }

    public async ValueTask AuthenticateAsync(HttpRequestMessage message, ApiTransport transport, CancellationToken cancellationToken)
    {
        var needsToken = NeedsCsrfToken(message.Method);
        var state = Volatile.Read(ref _state);
        if (NeedsLogin(state, transport.Time.GetUtcNow()))
        {
            await LogInOnceAsync(transport, cancellationToken).ConfigureAwait(false);
            state = Volatile.Read(ref _state);
        }

        if (needsToken && state.CsrfToken is null)
        {
            await FetchCsrfTokenOnceAsync(transport, cancellationToken).ConfigureAwait(false);
            state = Volatile.Read(ref _state);
        }

        Interlocked.Exchange(ref _lastUsedTicks, transport.Time.GetUtcNow().UtcTicks);
        AddCookies(message, state, sessionCookie: true, csrfCookie: true);
        if (needsToken && state.CsrfToken is not null)
        {
            message.Headers.Add(CsrfHeader, state.CsrfToken);
        }
    }

    /// <summary>Keeps the renewed or cleared session cookie, and the CSRF token paired with its <c>cerb_csrf</c> cookie.</summary>
    public void OnResponse(HttpResponseMessage response, DateTimeOffset now, bool adoptSessionCookie = false)
    {
        var token = Values(response.Headers, CsrfHeader).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))?.Trim();
        var cookies = Values(response.Headers, "Set-Cookie").Select(header => SetCookie.Parse(header, now)).Where(cookie => cookie is not null).Select(cookie => cookie!).ToList();
        var sent = SentCookies(response.RequestMessage);
        _credentials.Add(token);
        foreach (var cookie in cookies)
        {
            _credentials.Add(cookie.Value);
        }

        Update(state =>
        {
            // A login answers with the server's SESSION_COOKIE_NAME, which may not be the configured one.
            var others = cookies.Where(c => c.Name != CsrfCookie && !c.Cleared).ToArray();
            var sessionName = adoptSessionCookie && others.Length == 1 ? others[0].Name : state.CookieName;
            var next = state;
            foreach (var cookie in cookies)
            {
                if (cookie.Name == CsrfCookie)
                {
                    // A new secret: only a token issued with it belongs to it.
                    next = cookie.Cleared ? next.WithCsrf(null, null) : next.WithCsrf(token, cookie.Value);
                }
                else if (cookie.Name == sessionName && !cookie.Cleared)
                {
                    next = next.WithSession(sessionName, cookie.Value, RenewAt(now, cookie.ExpiresAt));
                }
                else if (cookie.Name == sessionName && SetCookie.FromCookieHeader(sent, sessionName) == next.Cookie)
                {
                    // The server ended the session this request carried (not one obtained since).
                    next = next.WithSession(sessionName, null, DateTimeOffset.MaxValue);
                }
            }

            // A token without a new secret belongs to the secret the request carried.
            return token is not null && cookies.All(c => c.Name != CsrfCookie) ? next.WithCsrf(token, SetCookie.FromCookieHeader(sent, CsrfCookie)) : next;
        });
    }

    public bool CanReplay(HttpResponseMessage response, byte[] body)
    {
        var request = response.RequestMessage;
        if (request is null)
        {
            return false;
        }

        var sent = SentCookies(request);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            if (_login is null)
            {
                return false;
            }

            // The session is over: drop it (unless another call has already replaced it), so the replay logs in.
            Update(state => SetCookie.FromCookieHeader(sent, state.CookieName) == state.Cookie
                ? state.WithSession(state.CookieName, null, DateTimeOffset.MaxValue)
                : state);
            return true;
        }

        // Only a CSRF refusal: a permission 403 or an organisation mismatch would be refused again.
        if (response.StatusCode is not (HttpStatusCode.Forbidden or (HttpStatusCode)419)
            || !NeedsCsrfToken(request.Method)
            || Encoding.UTF8.GetString(body).IndexOf("csrf", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        // A refusal that brought no fresh token: forget the refused one (unless another call has already replaced
        // it), so that the replay fetches a new one.
        var refused = Values(request.Headers, CsrfHeader).FirstOrDefault();
        Update(state => state.CsrfToken == refused ? state.WithCsrf(null, state.CsrfCookie) : state);

        return true;
    }

    /// <summary>Logs a login session out (<c>DELETE /v1/auth/session</c>); a pasted session belongs to whoever pasted it.</summary>
    public async ValueTask LogOutAsync(ApiTransport transport, CancellationToken cancellationToken)
    {
        if (_login is null || Volatile.Read(ref _state).Cookie is null)
        {
            return;
        }

        try
        {
            await transport.SendAsync(CerberusLogin.LogOut(new AuthEndpoint(this, withSession: true)), EndSession, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OAuthClientsApiException or HttpRequestException or TimeoutException)
        {
            // The attempt is logged; the session then ends on its own at its Max-Age.
        }
        finally
        {
            Update(state => state.WithSession(state.CookieName, null, DateTimeOffset.MaxValue));
        }
    }

    /// <summary>A header's values; no <c>TryGetValues</c> with an <c>out</c> variable, which most mutants of a condition leave unassigned.</summary>
    private static IEnumerable<string> Values(HttpHeaders headers, string name) =>
        headers.Contains(name) ? headers.GetValues(name) : Enumerable.Empty<string>();

    /// <summary>The <c>Cookie</c> header a request carried (all its values, as one), or <see langword="null"/>.</summary>
    private static string? SentCookies(HttpRequestMessage? request) =>
        request is not null && request.Headers.Contains("Cookie") ? string.Join("; ", request.Headers.GetValues("Cookie")) : null;

    private static bool NeedsCsrfToken(HttpMethod method) =>
        method != HttpMethod.Get && method != HttpMethod.Head && method != HttpMethod.Options;

    /// <summary>Renews a session shortly before it expires: a minute early, or at half its life when it is short.</summary>
    private static DateTimeOffset RenewAt(DateTimeOffset now, DateTimeOffset? expiresAt) =>
        expiresAt.HasValue ? expiresAt.Value - Early(expiresAt.Value - now) : DateTimeOffset.MaxValue;

    private static TimeSpan Early(TimeSpan span) => TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, Math.Max(span.Ticks, 0) / 2));

    private bool NeedsLogin(State state, DateTimeOffset now)
    {
        if (_login is null)
        {
            return false;
        }

        var idle = now - new DateTimeOffset(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);
        return state.Cookie is null || now >= state.RenewAt || idle >= _login.IdleTimeout - Early(_login.IdleTimeout);
    }

    private async Task LogInOnceAsync(ApiTransport transport, CancellationToken cancellationToken)
    {
        await _loginGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have logged in while this one waited.
            if (!NeedsLogin(Volatile.Read(ref _state), transport.Time.GetUtcNow()))
            {
                return;
            }

            Update(state => state.WithSession(state.CookieName, null, DateTimeOffset.MaxValue));
            await _login!.LogInAsync(new AuthEndpoint(this, withSession: false), transport, cancellationToken).ConfigureAwait(false);
            if (Volatile.Read(ref _state).Cookie is null)
            {
                throw new OAuthClientsApiException(
                    HttpStatusCode.OK,
                    $"Cerberus accepted the login but set no session cookie named '{Volatile.Read(ref _state).CookieName}': set SessionCookieName to the server's SESSION_COOKIE_NAME (newer servers use 'cerb_sid').");
            }

            Interlocked.Exchange(ref _lastUsedTicks, transport.Time.GetUtcNow().UtcTicks);
        }
        finally
        {
            _loginGate.Release();
        }
    }

    private async Task FetchCsrfTokenOnceAsync(ApiTransport transport, CancellationToken cancellationToken)
    {
        // One cheap GET (the profile, which returns a fresh token) for all the writes waiting on a token.
        await _csrfGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _state).CsrfToken is null)
            {
                await transport.SendAsync(_csrfTokenRequest, FetchCsrfToken, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _csrfGate.Release();
        }
    }

    private void AddCookies(HttpRequestMessage message, State state, bool sessionCookie, bool csrfCookie)
    {
        var pairs = new List<string>(2);
        if (sessionCookie && state.Cookie is not null)
        {
            pairs.Add($"{state.CookieName}={state.Cookie}");
        }

        if (csrfCookie && state.CsrfCookie is not null)
        {
            pairs.Add($"{CsrfCookie}={state.CsrfCookie}");
        }

        var header = string.Join("; ", pairs);
        if (header.Length > 0)
        {
            message.Headers.Add("Cookie", header);
        }
    }

    private void Update(Func<State, State> change)
    {
        while (true)
        {
            var current = Volatile.Read(ref _state);
            if (Interlocked.CompareExchange(ref _state, change(current), current) == current)
            {
                return;
            }
        }
    }

    /// <summary>The session's credentials, replaced whole. Not a record: nothing may print them.</summary>
    private sealed class State(string cookieName, string? cookie, DateTimeOffset renewAt, string? csrfToken, string? csrfCookie)
    {
        public string CookieName { get; } = cookieName;

        public string? Cookie { get; } = cookie;

        public DateTimeOffset RenewAt { get; } = renewAt;

        public string? CsrfToken { get; } = csrfToken;

        public string? CsrfCookie { get; } = csrfCookie;

        public State WithSession(string cookieName, string? cookie, DateTimeOffset renewAt) => new(cookieName, cookie, renewAt, CsrfToken, CsrfCookie);

        public State WithCsrf(string? token, string? cookie) => new(CookieName, Cookie, RenewAt, token, cookie);
    }

    /// <summary>
    /// Authenticates the <c>/v1/auth/*</c> requests (CSRF-exempt): the organisation, the session cookie for a logout,
    /// and what the answer sets, with the session cookie's name taken from a login's answer.
    /// </summary>
    private sealed class AuthEndpoint(CerberusSession session, bool withSession) : IRequestAuthenticator
    {
        public CredentialRegistry Credentials => session.Credentials;

        public ValueTask AuthenticateAsync(HttpRequestMessage message, ApiTransport transport, CancellationToken cancellationToken)
        {
            AddOrganisation(message, session._organisation);
            session.AddCookies(message, Volatile.Read(ref session._state), sessionCookie: withSession, csrfCookie: false);
            return default;
        }

        public void OnResponse(HttpResponseMessage response, ApiTransport transport) =>
            session.OnResponse(response, transport.Time.GetUtcNow(), adoptSessionCookie: !withSession);

        public bool CanReplay(HttpResponseMessage response, byte[] body) => false;

        public ValueTask LogOutAsync(ApiTransport transport, CancellationToken cancellationToken) => default;
    }
}
