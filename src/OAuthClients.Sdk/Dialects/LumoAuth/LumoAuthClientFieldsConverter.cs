using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Dialects.LumoAuth;

/// <summary>Reads one client response (get, create, rotate) into <see cref="LumoAuthClientFields"/>; a JSON <c>null</c> is the wrong shape.</summary>
internal sealed class LumoAuthClientFieldsConverter : JsonConverter<LumoAuthClientFields>
{
    public override LumoAuthClientFields Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? throw new JsonException("The body is JSON null.") : LumoAuthClientFields.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, LumoAuthClientFields value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Client objects are read-only on the wire.");
}
