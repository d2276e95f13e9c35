using System;
using System.Collections.Generic;
using System.Linq;
using OAuthClients.Sdk.Dialects.Cerberus;
using OAuthClients.Sdk.Dialects.LumoAuth;
using OAuthClients.Sdk.Internal;

namespace OAuthClients.Sdk.Dialects;

/// <summary>
/// The one place that maps <see cref="OAuthDialect"/> to its folder. A new provider adds a case here and a folder,
/// and nothing else.
/// </summary>
internal static class DialectRegistry
{
    /// <summary>A dialect takes exactly one credential: says how to set one when none is, and which there are when several are.</summary>
    public static void RequireOneCredential(List<string> problems, string dialect, string howToSetOne, string credentials, params bool[] isSet)
    {
        switch (isSet.Count(set => set))
        {
            case 0:
                problems.Add($"{dialect} needs a credential: {howToSetOne}.");
                break;
            case > 1:
                problems.Add($"More than one {dialect} credential is set: keep one of {credentials}.");
                break;
        }
    }

    /// <summary>Every problem with <paramref name="options"/>, each naming the setting and the fix; empty when valid.</summary>
    /// <param name="options">The options.</param>
    /// <param name="hasTokenProvider">Whether an <see cref="IOAuthClientsTokenProvider"/> supplies the credential.</param>
    public static IReadOnlyList<string> Validate(OAuthClientsOptions options, bool hasTokenProvider)
    {
        var problems = new List<string>();
        CheckBaseAddress(options.BaseAddress, problems);
        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            problems.Add($"Timeout is {options.Timeout}: it must be positive (it applies to each attempt).");
        }

        if (options.MaxRetryDelay <= TimeSpan.Zero)
        {
            problems.Add($"MaxRetryDelay is {options.MaxRetryDelay}: it must be positive.");
        }

        if (options.MaxRetries < 0)
        {
            problems.Add($"MaxRetries is {options.MaxRetries}: it must be 0 (no retries) or more.");
        }

        if (options.Tenant is { } tenant && !IsSlug(tenant))
        {
            problems.Add("Tenant must be a slug such as 'acme-corp': printable ASCII without white space, '/', '\\', '?' or '#'.");
        }

        CheckCredential(options.ApiKey, nameof(options.ApiKey), problems);
        CheckCredential(options.SessionCookie, nameof(options.SessionCookie), problems);
        CheckCredential(options.CsrfToken, nameof(options.CsrfToken), problems);
        CheckCredential(options.ClientCredentials?.ClientId, "ClientCredentials:ClientId", problems);
        CheckCredential(options.ClientCredentials?.ClientSecret, "ClientCredentials:ClientSecret", problems);

        switch (options.Dialect)
        {
            case OAuthDialect.LumoAuth:
                LumoAuthDialect.Validate(options, hasTokenProvider, problems);
                break;
            case OAuthDialect.Cerberus:
                CerberusDialect.Validate(options, hasTokenProvider, problems);
                break;
            default:
                problems.Add($"Dialect is {options.Dialect}: it must be one of {string.Join(", ", KnownDialects)}.");
                break;
        }

        return problems;
    }

    /// <summary>Creates the dialect for options that <see cref="Validate"/> accepted.</summary>
    public static IOAuthDialect Create(OAuthClientsOptions options, IOAuthClientsTokenProvider? tokenProvider) => options.Dialect switch
    {
        OAuthDialect.LumoAuth => new LumoAuthDialect(options, tokenProvider),
        OAuthDialect.Cerberus => new CerberusDialect(options, tokenProvider),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Dialect, "Unknown dialect."),
    };

    private static string[] KnownDialects => Enum.GetNames(typeof(OAuthDialect));

    private static void CheckBaseAddress(Uri? baseAddress, List<string> problems)
    {
        if (baseAddress is null)
        {
            problems.Add("BaseAddress is required: set it to the provider's https address, for example https://app.lumoauth.dev.");
        }
        else if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"BaseAddress '{baseAddress}' must be an absolute https address.");
        }
        else if (baseAddress.Scheme == Uri.UriSchemeHttp && !baseAddress.IsLoopback)
        {
            problems.Add($"BaseAddress '{baseAddress}' uses plain http to a host that is not loopback, so credentials would travel unencrypted: use https (http is accepted only for localhost and 127.0.0.1).");
        }
        else if (baseAddress.Query.Length > 0 || baseAddress.Fragment.Length > 0 || baseAddress.UserInfo.Length > 0)
        {
            problems.Add("BaseAddress must not carry a query, a fragment or user information: give the scheme, host, port and optional path prefix only.");
        }
    }

    private static void CheckCredential(string? value, string setting, List<string> problems)
    {
        // A credential is never quoted back: only what is wrong with it.
        if (value is not null && !Guard.IsCredential(value))
        {
            problems.Add($"{setting} is blank or contains white space or control characters: set it to the exact value the provider issued, or leave it unset.");
        }
    }

    // The tenant goes into a path segment (LumoAuth) or a header (Cerberus): ASCII keeps both unambiguous.
    private static bool IsSlug(string value) =>
        value.Length > 0 && value.All(c => c is > ' ' and < (char)127 and not ('/' or '\\' or '?' or '#'));
}
