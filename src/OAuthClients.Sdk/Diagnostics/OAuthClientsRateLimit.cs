using System;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;

#pragma warning disable IDE0130 // Public diagnostics types live in the package's root namespace, so one using reaches them.
namespace OAuthClients.Sdk;

/// <summary>
/// The rate limit a server reported with a response: its <c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c> and
/// <c>X-RateLimit-Reset</c> headers (LumoAuth sends them; Cerberus may). A caller that paces its writes by them slows
/// down before the server answers 429.
/// </summary>
/// <param name="Limit">How many requests the window allows.</param>
/// <param name="Remaining">How many requests are left in the current window.</param>
/// <param name="Reset">When the current window ends (the header is Unix time in seconds); <see langword="null"/> when the server did not say.</param>
public sealed record OAuthClientsRateLimit(int Limit, int Remaining, DateTimeOffset? Reset)
{
    /// <summary>Reads the headers; <see langword="null"/> unless both the limit and the remaining count are there and readable.</summary>
    internal static OAuthClientsRateLimit? Read(HttpResponseHeaders headers)
    {
        if (Integer(headers, "X-RateLimit-Limit") is not { } limit || limit < 0
            || Integer(headers, "X-RateLimit-Remaining") is not { } remaining || remaining < 0)
        {
            return null;
        }

        DateTimeOffset? reset = Integer(headers, "X-RateLimit-Reset") is { } seconds && seconds is >= 0 and <= 253402300799L
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
        return new OAuthClientsRateLimit((int)Math.Min(limit, int.MaxValue), (int)Math.Min(remaining, int.MaxValue), reset);
    }

    private static long? Integer(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault()?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
