using System;
using System.Globalization;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>
/// One <c>Set-Cookie</c> header as far as a session needs it (RFC 6265, section 5.2): the name, the value, whether it
/// clears the cookie (an empty value, <c>Max-Age</c> of zero or less, or an <c>Expires</c> in the past) and, otherwise,
/// when it expires. Not a record: nothing may print the value.
/// </summary>
internal sealed class SetCookie
{
    private SetCookie(string name, string value, bool cleared, DateTimeOffset? expiresAt)
    {
        Name = name;
        Value = value;
        Cleared = cleared;
        ExpiresAt = expiresAt;
    }

    public string Name { get; }

    public string Value { get; }

    public bool Cleared { get; }

    /// <summary>Gets when the cookie expires, or <see langword="null"/> for a cookie that lasts as long as its session.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>Reads a <c>Set-Cookie</c> header received at <paramref name="now"/>; <see langword="null"/> when it has no name.</summary>
    public static SetCookie? Parse(string header, DateTimeOffset now)
    {
        var parts = header.Split(';');
        var equals = parts[0].IndexOf('=');
        var name = (equals < 0 ? parts[0] : parts[0].Substring(0, equals)).Trim();
        if (name.Length == 0)
        {
            return null;
        }

        // Stryker disable once Equality : equivalent: equals == 0 is an empty name, which returned above.
        var value = equals < 0 ? string.Empty : parts[0].Substring(equals + 1).Trim().Trim('"');
        DateTimeOffset? expires = null;
        DateTimeOffset? maxAge = null;
        for (var i = 1; i < parts.Length; i++)
        {
            var attribute = parts[i].Split(['='], 2);
            var attributeValue = attribute.Length == 2 ? attribute[1].Trim() : null;
            switch (attribute[0].Trim().ToUpperInvariant())
            {
                // Max-Age wins over Expires (RFC 6265, section 5.3, step 3).
                case "MAX-AGE" when long.TryParse(attributeValue, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds):
                    // Stryker disable once Equality : equivalent: Max-Age=0 gives an expiry of now, which clears the cookie all the same.
                    maxAge = seconds <= 0 ? DateTimeOffset.MinValue : After(now, seconds);
                    break;
                case "EXPIRES" when DateTimeOffset.TryParse(attributeValue, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date):
                    expires = date;
                    break;
            }
        }

        var expiresAt = maxAge ?? expires;
        return new SetCookie(name, value, value.Length == 0 || expiresAt <= now, expiresAt);
    }

    /// <summary><paramref name="seconds"/> after <paramref name="now"/>, or the latest representable time (RFC 6265, section 5.2.2).</summary>
    // Stryker disable once Equality : equivalent: at equality now plus the seconds is exactly the cap.
    private static DateTimeOffset After(DateTimeOffset now, long seconds) =>
        seconds < (DateTimeOffset.MaxValue - now).TotalSeconds ? now.AddSeconds(seconds) : DateTimeOffset.MaxValue;

    /// <summary>The value of cookie <paramref name="name"/> in a request's <c>Cookie</c> header, or <see langword="null"/>.</summary>
    public static string? FromCookieHeader(string? header, string name)
    {
        if (header is null)
        {
            return null;
        }

        foreach (var pair in header.Split(';'))
        {
            var equals = pair.IndexOf('=');
            // Stryker disable once Equality : equivalent: a pair starting with '=' has an empty name, which is never a cookie's name.
            if (equals > 0 && pair.Substring(0, equals).Trim() == name)
            {
                return pair.Substring(equals + 1).Trim();
            }
        }

        return null;
    }
}
