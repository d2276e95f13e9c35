using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Dialects;

/// <summary>Reads an id that a server sends as a string or as a number (LumoAuth sends both) as a string.</summary>
internal sealed class StringOrNumberConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => WireReader.StringOrNumber(ref reader);

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
