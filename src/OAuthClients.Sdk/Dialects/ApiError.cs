using System;
using System.Collections.Generic;

namespace OAuthClients.Sdk.Dialects;

/// <summary>What a dialect's error body says. Every member is optional: a body may say nothing usable.</summary>
internal sealed record ApiError(string? Code, string? Message, IReadOnlyList<string> Errors, TimeSpan? RetryAfter = null)
{
    public static ApiError None { get; } = new(null, null, []);
}
