using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Http;

namespace OAuthClients.Sdk.Dialects.LumoAuth;

/// <summary>
/// An admin token from LumoAuth's token endpoint (<c>grant_type=client_credentials&amp;scope=admin</c>, client
/// authentication by HTTP Basic), cached until shortly before it expires and shared by every client of the
/// registration. One request fetches it for all the callers waiting on it.
/// </summary>
internal sealed class LumoAuthClientCredentials : ITokenSource
{
    /// <summary>The longest a token is renewed before its expiry; a short-lived token is renewed at half its life.</summary>
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(1);

    private static readonly MediaTypeHeaderValue Form = new("application/x-www-form-urlencoded");
    private static readonly Operation FetchToken = new("fetch_access_token", null);

    private readonly ApiRequest _request;
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private Token? _token;

    public LumoAuthClientCredentials(ClientCredentialsOptions credentials, string tokenPath)
    {
        var secret = credentials.ClientSecret!;

        // RFC 6749, section 2.3.1: the id and secret are form-encoded, then joined and base64-encoded.
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{WebUtility.UrlEncode(credentials.ClientId)}:{WebUtility.UrlEncode(secret)}"));
        _request = new ApiRequest(HttpMethod.Post, tokenPath, Encoding.ASCII.GetBytes("grant_type=client_credentials&scope=admin"))
        {
            ContentType = Form,
            Authorization = new AuthenticationHeaderValue("Basic", basic),

            // Asking again only issues another token.
            Repeatable = true,
        };
        Secrets = [secret, basic];
    }

    public bool CanRenew => true;

    public IEnumerable<string> Secrets { get; }

    public async ValueTask<string> GetTokenAsync(string? refusedToken, ApiTransport transport, CancellationToken cancellationToken)
    {
        if (Usable(Volatile.Read(ref _token), refusedToken, transport.Time) is { } cached)
        {
            return cached;
        }

        await _fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have fetched one while this one waited.
            if (Usable(Volatile.Read(ref _token), refusedToken, transport.Time) is { } fetched)
            {
                return fetched;
            }

            var requested = transport.Time.GetUtcNow();
            var token = await transport.SendAsync(_request, FetchToken, body => Read(body, requested), cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _token, token);
            return token.Value;
        }
        finally
        {
            _fetch.Release();
        }
    }

    private static string? Usable(Token? token, string? refusedToken, TimeProvider time) =>
        token is not null && token.Value != refusedToken && time.GetUtcNow() < token.RenewAt ? token.Value : null;

    private static Token Read(ReadOnlySpan<byte> body, DateTimeOffset requested)
    {
        var response = Wire.Deserialize(body, LumoAuthJsonContext.Default.LumoAuthTokenResponse);
        if (string.IsNullOrWhiteSpace(response.AccessToken))
        {
            throw new JsonException("The token response has no 'access_token'.");
        }

        if (response.TokenType is { } type && !type.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new JsonException($"The token response's 'token_type' is '{type}'; only Bearer tokens can be sent.");
        }

        // Without 'expires_in', the token is kept until the server refuses it.
        var renewAt = Wire.Lifetime(response.ExpiresIn) is { } lifetime
            ? requested + lifetime - TimeSpan.FromTicks(Math.Min(RenewalMargin.Ticks, lifetime.Ticks / 2))
            : DateTimeOffset.MaxValue;
        return new Token(response.AccessToken!, renewAt);
    }

    /// <summary>A token and when to renew it, replaced together. Not a record: nothing may print the token.</summary>
    private sealed class Token(string value, DateTimeOffset renewAt)
    {
        public string Value { get; } = value;

        public DateTimeOffset RenewAt { get; } = renewAt;
    }
}
