using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace OAuthClients.Sdk.Testing.Internal;

/// <summary>What the fake answers: a status, a JSON body (or none) and extra headers.</summary>
internal sealed record FakeResponse(int Status, JsonNode? Body)
{
    public Dictionary<string, string> Headers { get; } = [];
}
