using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using WireMock;

namespace OAuthClients.Sdk.Testing.Internal;

/// <summary>
/// The <c>client_credentials</c> grant of RFC 6749 section 4.4, as both providers' token endpoints answer it: the client
/// authenticates with HTTP Basic or with <c>client_id</c>/<c>client_secret</c> form members, and only its current secret
/// works. Refusals are RFC 6749 section 5.2 error bodies.
/// </summary>
internal static class TokenEndpoint
{
    public static FakeResponse Issue(IRequestMessage request, Func<string, StoredClient?> findByClientId)
    {
        if (request.Method != "POST")
        {
            return Refuse(405, "invalid_request", "The token endpoint accepts POST only");
        }

        var form = ParseForm(request.Body);
        var (clientId, secret) = BasicCredentials(request) ?? (Value(form, "client_id"), Value(form, "client_secret"));
        if (Value(form, "grant_type") != "client_credentials")
        {
            return Refuse(400, "unsupported_grant_type", "Only client_credentials is supported");
        }

        var client = clientId is null ? null : findByClientId(clientId);
        if (client is null || secret is null || client.Secret is null || !client.IsActive
            || !CryptographicEquals(client.Secret, secret))
        {
            return Refuse(401, "invalid_client", "Client authentication failed");
        }

        if (!client.GrantTypes.Contains("client_credentials"))
        {
            return Refuse(400, "unauthorized_client", "The client may not use the client_credentials grant");
        }

        var token = new FakeResponse(200, new JsonObject
        {
            ["access_token"] = "at_" + Json.Random(32),
            ["token_type"] = "Bearer",
            ["expires_in"] = client.AccessTokenLifetime,
        });
        token.Headers["Cache-Control"] = "no-store";
        return token;
    }

    private static FakeResponse Refuse(int status, string error, string description)
    {
        var response = new FakeResponse(status, new JsonObject { ["error"] = error, ["error_description"] = description });
        if (status == 401)
        {
            response.Headers["WWW-Authenticate"] = "Basic realm=\"token\"";
        }

        return response;
    }

    private static (string? ClientId, string? Secret)? BasicCredentials(IRequestMessage request)
    {
        var header = request.Headers?.FirstOrDefault(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (null, null) : (WebUtility.UrlDecode(pair[..colon]), WebUtility.UrlDecode(pair[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    private static Dictionary<string, string> ParseForm(string? body) =>
        (body ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .GroupBy(parts => WebUtility.UrlDecode(parts[0]), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => WebUtility.UrlDecode(g.First().ElementAtOrDefault(1) ?? string.Empty), StringComparer.Ordinal);

    private static string? Value(Dictionary<string, string> form, string name) => form.TryGetValue(name, out var value) ? value : null;

    private static bool CryptographicEquals(string expected, string actual) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
