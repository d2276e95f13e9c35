using System.Text.Json;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Dialects;

/// <summary>Reads the client object the reader is on into the model (a dialect's client reader).</summary>
internal delegate OAuthClient ClientReader(ref Utf8JsonReader reader);
