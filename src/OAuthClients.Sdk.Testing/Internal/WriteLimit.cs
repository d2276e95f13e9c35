using System;
using System.Collections.Generic;
using System.Globalization;

namespace OAuthClients.Sdk.Testing.Internal;

/// <summary>A fixed-window write limit with LumoAuth's <c>X-RateLimit-*</c> headers, on an injectable clock.</summary>
internal sealed class WriteLimit(int limit, TimeSpan window, TimeProvider time)
{
    private readonly object _gate = new();
    private DateTimeOffset _windowEnd = DateTimeOffset.MinValue;
    private int _used;

    /// <summary>Counts one write: whether it is allowed, and the headers its response carries.</summary>
    public (bool Allowed, Dictionary<string, string> Headers) Take()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now >= _windowEnd)
            {
                // A window starts with the first write after the last one ended, on a whole second (as Unix time is sent).
                _windowEnd = DateTimeOffset.FromUnixTimeSeconds((long)Math.Ceiling((now + window).ToUnixTimeMilliseconds() / 1000.0));
                _used = 0;
            }

            var allowed = _used < limit;
            if (allowed)
            {
                _used++;
            }

            var headers = new Dictionary<string, string>
            {
                ["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture),
                ["X-RateLimit-Remaining"] = (limit - _used).ToString(CultureInfo.InvariantCulture),
                ["X-RateLimit-Reset"] = _windowEnd.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            };
            if (!allowed)
            {
                headers["Retry-After"] = ((long)Math.Ceiling((_windowEnd - now).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            return (allowed, headers);
        }
    }
}
