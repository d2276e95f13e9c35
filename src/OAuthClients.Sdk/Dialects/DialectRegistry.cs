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
        CheckDuration(options.Timeout, nameof(options.Timeout), allowInfinite: true, problems);
        CheckDuration(options.MaxRetryDelay, nameof(options.MaxRetryDelay), allowInfinite: false, problems);
        if (options.MaxResponseSize is < MinResponseSize or > MaxResponseSize)
        {
            problems.Add($"MaxResponseSize is {options.MaxResponseSize}: it must be between {MinResponseSize} (1 KiB) and {MaxResponseSize} (256 MiB) bytes.");
        }

        if (options.MaxRetries < 0)
        {
            problems.Add($"MaxRetries is {options.MaxRetries}: it must be 0 (no retries) or more.");
        }

        if (options.Tenant is { } tenant && !IsSlug(tenant))
        {
            problems.Add("Tenant must be a slug such as 'acme-corp': printable ASCII without white space, '/', '\\', '?' or '#', and not '.' or '..'.");
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

    private const int MinResponseSize = 1024;
    private const int MaxResponseSize = 256 * 1024 * 1024;

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

    /// <summary>
    /// The one rule for every duration option: positive and at most <see cref="OAuthClientsOptions.MaxDuration"/>, so
    /// that a timer accepts it and a bare number in configuration (<c>"30"</c> binds as 30 days) is refused.
    /// </summary>
    private static void CheckDuration(TimeSpan value, string setting, bool allowInfinite, List<string> problems)
    {
        if (allowInfinite && value == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return;
        }

        if (value <= TimeSpan.Zero || value > OAuthClientsOptions.MaxDuration)
        {
            problems.Add($"{setting} is {value}: it must be positive and at most {OAuthClientsOptions.MaxDuration} (in configuration, write '00:00:30' for 30 seconds; a bare '30' means 30 days){(allowInfinite ? ", or Infinite" : null)}.");
        }
    }

    private static void CheckCredential(string? value, string setting, List<string> problems)
    {
        // A credential is never quoted back: only what is wrong with it.
        if (value is not null && !Guard.IsCredential(value))
        {
            problems.Add($"{setting} is blank or contains white space, control or non-ASCII characters (a header carries printable ASCII only): set it to the exact value the provider issued, or leave it unset.");
        }
    }

    // The tenant goes into a path segment (LumoAuth) or a header (Cerberus): ASCII keeps both unambiguous.
    private static bool IsSlug(string value) =>
        value is not ("." or "..") && value.Length > 0 && value.All(c => c is > ' ' and < (char)127 and not ('/' or '\\' or '?' or '#'));
}
