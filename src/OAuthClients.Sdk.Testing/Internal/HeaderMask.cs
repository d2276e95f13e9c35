using System;
using System.Collections.Generic;
using System.Linq;
using WireMock.Types;

namespace OAuthClients.Sdk.Testing.Internal;

/// <summary>
/// The headers of a request as <see cref="FakeRequest.Headers"/> keeps them: credential values masked, so that a test
/// can assert which credential was sent (the scheme, the cookie's name, a CSRF token's presence) without holding it.
/// </summary>
internal static class HeaderMask
{
    public const string Hidden = "****";

    public static IReadOnlyDictionary<string, string> Masked(IDictionary<string, WireMockList<string>>? headers)
    {
        var masked = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers ?? new Dictionary<string, WireMockList<string>>())
        {
            masked[header.Key] = MaskValue(header.Key, string.Join(", ", header.Value));
        }

        return masked;
    }

    private static string MaskValue(string name, string value) => name.ToUpperInvariant() switch
    {
        // "Bearer sk_..." -> "Bearer ****": the scheme stays.
        "AUTHORIZATION" or "PROXY-AUTHORIZATION" => value.IndexOf(' ') is var space and > 0 ? value.Substring(0, space) + " " + Hidden : Hidden,

        // "cerberus_session=abc; cerb_csrf=def" -> "cerberus_session=****; cerb_csrf=****": the names stay.
        "COOKIE" => string.Join("; ", value.Split(';').Select(c => c.Trim()).Select(c => c.IndexOf('=') is var eq and > 0 ? c.Substring(0, eq + 1) + Hidden : Hidden)),
        "X-CSRF-TOKEN" or "X-API-KEY" => Hidden,
        _ => value,
    };
}
