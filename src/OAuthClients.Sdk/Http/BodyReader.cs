using System;

namespace OAuthClients.Sdk.Http;

/// <summary>
/// Reads a success body into a result; throws <see cref="System.Text.Json.JsonException"/> for a body of the wrong
/// shape. The body is only valid during the call.
/// </summary>
internal delegate T BodyReader<out T>(ReadOnlySpan<byte> body);
