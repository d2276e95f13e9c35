using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace OAuthClients.Sdk.Testing.Internal;

/// <summary>
/// What both providers check in the grant types and scopes of a new client (OAuth 2.1: no implicit or password
/// grant; a public client cannot use client credentials; a scope is an RFC 6749 scope token). Each dialect names the
/// members and words the error body its own way.
/// </summary>
internal static class OAuthRules
{
    public static readonly string[] GrantTypes = ["authorization_code", "client_credentials", "refresh_token"];

    public static void Check(JsonObject body, string grantTypesMember, string scopesMember, bool confidential, Dictionary<string, string> errors)
    {
        var grantTypes = Json.Strings(body, grantTypesMember) ?? [];
        if (grantTypes.FirstOrDefault(g => !GrantTypes.Contains(g)) is { } unknown)
        {
            errors[grantTypesMember] = $"Invalid grant type '{unknown}': expected one of {string.Join(", ", GrantTypes)}";
        }
        else if (!confidential && grantTypes.Contains("client_credentials"))
        {
            errors[grantTypesMember] = "A public client cannot use the client_credentials grant";
        }

        if ((Json.Strings(body, scopesMember) ?? []).FirstOrDefault(s => !IsScopeToken(s)) is { } scope)
        {
            errors[scopesMember] = $"Invalid scope '{scope}': a scope is one or more printable ASCII characters without spaces, quotes or backslashes";
        }
    }

    // RFC 6749 section 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ).
    private static bool IsScopeToken(string scope) =>
        scope.Length > 0 && scope.All(c => c is '\x21' or (>= '\x23' and <= '\x5B') or (>= '\x5D' and <= '\x7E'));
}
