using System;
using System.Collections.Generic;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Internal;

/// <summary>The argument rules every dialect shares. Each throws before anything is sent.</summary>
internal static class RequestRules
{
    // Schemes a browser runs or resolves locally: a redirect to them hands the authorization response to script.
    private static readonly string[] ForbiddenRedirectSchemes = ["javascript", "data", "vbscript", "file"];

    /// <summary>Checks an id and escapes it into one path segment, so that no id can reach another resource.</summary>
    public static string EscapedId(string id, string paramName)
    {
        Guard.NotNullOrWhiteSpace(id, paramName);
        if (id is "." or ".." || id.IndexOfAny(['/', '\\', '?', '#']) >= 0 || HasControlCharacter(id))
        {
            throw new ArgumentException("The id must not be '.' or '..' and must not contain '/', '\\', '?', '#' or control characters: no provider issues such ids. Nothing was sent.", paramName);
        }

        // Escaped all the same, so that nothing in an id (a '%', say) is read by the server as path syntax.
        return Uri.EscapeDataString(id);
    }

    public static void Check(CreateOAuthClientRequest request, string paramName)
    {
        NotBlank(request.Name, nameof(request.Name), paramName);
        RedirectUris(request.RedirectUris, paramName);
        Items(request.GrantTypes, nameof(request.GrantTypes), paramName);
        Items(request.AllowedScopes, nameof(request.AllowedScopes), paramName);
        Origins(request.AllowedOrigins, paramName);
        Lifetime(request.AccessTokenLifetime, nameof(request.AccessTokenLifetime), paramName);
        Lifetime(request.RefreshTokenLifetime, nameof(request.RefreshTokenLifetime), paramName);
        Lifetime(request.IdTokenLifetime, nameof(request.IdTokenLifetime), paramName);
        if (request.TokenEndpointAuthMethod is not null)
        {
            NotBlank(request.TokenEndpointAuthMethod, nameof(request.TokenEndpointAuthMethod), paramName);
        }

        WebPage(request.LogoUri, nameof(request.LogoUri), paramName);
        WebPage(request.PolicyUri, nameof(request.PolicyUri), paramName);
        WebPage(request.TosUri, nameof(request.TosUri), paramName);
    }

    public static void Check(UpdateOAuthClientRequest request, string paramName)
    {
        if (request == new UpdateOAuthClientRequest())
        {
            throw new ArgumentException("The update sets no member: set at least one (null means 'leave unchanged').", paramName);
        }

        if (request.Name is not null)
        {
            NotBlank(request.Name, nameof(request.Name), paramName);
        }

        if (request.RedirectUris is not null)
        {
            RedirectUris(request.RedirectUris, paramName);
        }

        Items(request.GrantTypes, nameof(request.GrantTypes), paramName);
        Items(request.AllowedScopes, nameof(request.AllowedScopes), paramName);
        Origins(request.AllowedOrigins, paramName);
        Lifetime(request.AccessTokenLifetime, nameof(request.AccessTokenLifetime), paramName);
        Lifetime(request.RefreshTokenLifetime, nameof(request.RefreshTokenLifetime), paramName);
        Lifetime(request.IdTokenLifetime, nameof(request.IdTokenLifetime), paramName);
    }

    public static void Check(OAuthClientListOptions options, string paramName)
    {
        if (options.PageSize is <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, $"PageSize is {options.PageSize}: it must be positive, or null for the provider's largest page. Nothing was sent.");
        }

        if (options.MaxConcurrency is < 1 or > OAuthClientListOptions.MaxConcurrencyLimit)
        {
            throw new ArgumentOutOfRangeException(paramName, $"MaxConcurrency is {options.MaxConcurrency}: it must be from 1 to {OAuthClientListOptions.MaxConcurrencyLimit}. Nothing was sent.");
        }

        if (options.Search is not null && (string.IsNullOrWhiteSpace(options.Search) || HasControlCharacter(options.Search)))
        {
            throw new ArgumentException("Search must not be empty, white space or contain control characters: leave it null to list every client. Nothing was sent.", paramName);
        }
    }

    public static void Scopes(IReadOnlyList<string> scopes, string paramName) => Items(scopes, "Scopes", paramName);

    /// <summary>The message for a member the configured dialect cannot carry.</summary>
    public static ArgumentException Unsupported(string member, string dialect, string paramName) =>
        new($"{member} is not supported by {dialect}: leave it null. Nothing was sent.", paramName);

    public static bool HasControlCharacter(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static void NotBlank(string? value, string member, string paramName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{member} is required and must not be empty or white space.", paramName);
        }
    }

    private static void RedirectUris(IReadOnlyList<string>? uris, string paramName)
    {
        if (uris is null || uris.Count == 0)
        {
            throw new ArgumentException("RedirectUris must contain at least one URI.", paramName);
        }

        // Indexed loops: foreach over an IReadOnlyList<string> boxes an enumerator on every call.
        for (var i = 0; i < uris.Count; i++)
        {
            var value = uris[i];
            if (RedirectUriProblem(value) is { } problem)
            {
                throw new ArgumentException($"RedirectUris contains '{value}', which {problem}.", paramName);
            }
        }
    }

    private static string? RedirectUriProblem(string? value)
    {
        // Uri treats "/callback" as an absolute file path on Unix, so the scheme is checked on the text itself.
        if (string.IsNullOrWhiteSpace(value) || !HasScheme(value!) || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return "is not an absolute URI";
        }

        if (Array.IndexOf(ForbiddenRedirectSchemes, uri.Scheme) >= 0)
        {
            return $"uses the '{uri.Scheme}:' scheme, which can run script or reach local content (use https, loopback http or an app's own scheme)";
        }

        if (value!.IndexOf('#') >= 0)
        {
            return "has a fragment (OAuth 2.0 forbids fragments in redirect URIs)";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            return "uses plain http to a host that is not loopback (use https)";
        }

        return null;
    }

    private static bool HasScheme(string value)
    {
        var colon = value.IndexOf(':');
        if (colon < 1 || !IsAsciiLetter(value[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = value[i];
            if (!IsAsciiLetter(c) && c is not (>= '0' and <= '9') and not '+' and not '-' and not '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static void Origins(IReadOnlyList<string>? origins, string paramName)
    {
        Items(origins, "AllowedOrigins", paramName);
        for (var i = 0; i < (origins?.Count ?? 0); i++)
        {
            var value = origins![i];
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || uri.PathAndQuery != "/" || value.IndexOf('#') >= 0)
            {
                throw new ArgumentException($"AllowedOrigins contains '{value}', which is not an origin such as https://app.example.com (scheme, host and optional port only).", paramName);
            }
        }
    }

    /// <summary>A page users open in a browser (a logo, a policy): an absolute https address, http only for loopback.</summary>
    private static void WebPage(string? value, string member, string paramName)
    {
        if (value is not null
            && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && HasScheme(value)
                 && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))))
        {
            throw new ArgumentException($"{member} is '{value}', which is not an absolute https address (http is accepted only for loopback hosts).", paramName);
        }
    }

    private static void Items(IReadOnlyList<string>? items, string member, string paramName)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(items![i]))
            {
                throw new ArgumentException($"{member} must not contain null, empty or white-space entries.", paramName);
            }
        }
    }

    private static void Lifetime(TimeSpan? lifetime, string member, string paramName)
    {
        if (lifetime is not { } value)
        {
            return;
        }

        if (value <= TimeSpan.Zero || value.Ticks % TimeSpan.TicksPerSecond != 0 || value.TotalSeconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(paramName, $"{member} is {value}: it must be a positive whole number of seconds (it is sent in seconds).");
        }
    }
}
