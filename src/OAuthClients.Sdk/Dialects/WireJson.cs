using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Dialects;

/// <summary>Reads an id that a server sends as a string or as a number (LumoAuth sends both) as a string.</summary>
internal sealed class StringOrNumberConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding(ref reader),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a string or a number, found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    // The number exactly as written ("42", not "42.0"), decoded from its UTF-8 bytes.
    private static string Encoding(ref Utf8JsonReader reader) =>
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
}

/// <summary>
/// Reads an ISO 8601 timestamp leniently: a value that is not one (or not a string) becomes <see langword="null"/>
/// rather than failing the whole response, since no operation depends on it.
/// </summary>
internal sealed class LenientTimestampConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        // The usual ISO 8601 value with 'Z' or an offset parses without a string; anything else (no offset, which
        // means UTC here, or another format) goes through DateTimeOffset.TryParse.
        if (HasOffset(reader) && reader.TryGetDateTimeOffset(out var exact))
        {
            return exact.ToUniversalTime();
        }

        if (DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Timestamps are read-only on the wire.");

    // Ends with 'Z' or with a "+hh:mm"/"-hh:mm" offset (a date alone has '-' at the same place, but no 'T').
    private static bool HasOffset(in Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            return false;
        }

        var value = reader.ValueSpan;
        return value.IndexOf((byte)'T') > 0
            && (value[value.Length - 1] is (byte)'Z' or (byte)'z' || (value.Length > 6 && value[value.Length - 6] is (byte)'+' or (byte)'-' && value[value.Length - 3] == (byte)':'));
    }
}
