using System;
using System.Collections.Generic;

namespace OAuthClients.Sdk.Testing;

/// <summary>A request the fake server received: method, path and query, body, and headers with credentials masked.</summary>
/// <param name="Method">The HTTP method, such as <c>POST</c>.</param>
/// <param name="Path">The path and query, such as <c>/v1/admin/clients</c>.</param>
/// <param name="Body">The body, or <see langword="null"/> when there was none.</param>
public sealed record FakeRequest(string Method, string Path, string? Body)
{
    /// <summary>
    /// Gets the request headers by name (case-insensitive), several values joined by <c>", "</c>. Credential values are
    /// masked as <c>****</c>, keeping what a test asserts on: the scheme of <c>Authorization</c> (<c>Bearer ****</c>), the
    /// cookie names of <c>Cookie</c> (<c>cerberus_session=****</c>), and the presence of <c>X-CSRF-Token</c> and
    /// <c>X-API-Key</c>. Other headers, such as <c>X-Org-Domain</c>, are kept as sent.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
