using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Sync.Internal;

/// <summary>A lifetime as whole seconds in a document (the schema's integer), never fractional.</summary>
internal sealed class SecondsConverter : JsonConverter<TimeSpan?>
{
    public override bool HandleNull => false;

    public override TimeSpan? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds) && seconds > 0 && seconds <= int.MaxValue
            ? TimeSpan.FromSeconds(seconds)
            : throw new JsonException("A lifetime is a whole number of seconds, 1 or more.");

    public override void Write(Utf8JsonWriter writer, TimeSpan? value, JsonSerializerOptions options) =>
        writer.WriteNumberValue((long)value!.Value.TotalSeconds);
}
