using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace OAuthClients.Sdk.Testing.Internal;

/// <summary>What the fake answers: a status, a JSON body (or none), extra headers and cookies.</summary>
internal sealed record FakeResponse(int Status, JsonNode? Body)
{
    public Dictionary<string, string> Headers { get; } = [];

    /// <summary>Gets the <c>Set-Cookie</c> headers, one a cookie.</summary>
    public List<string> Cookies { get; } = [];
}
