using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>Reads one client response (get, create, rotate) into <see cref="CerberusClientFields"/>; a JSON <c>null</c> is the wrong shape.</summary>
internal sealed class CerberusClientFieldsConverter : JsonConverter<CerberusClientFields>
{
    public override CerberusClientFields Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? throw new JsonException("The body is JSON null.") : CerberusClientFields.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, CerberusClientFields value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Client objects are read-only on the wire.");
}
