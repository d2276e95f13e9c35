using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Dialects;

/// <summary>
/// The member values of a client object read straight from a <see cref="Utf8JsonReader"/>, for the dialects' client
/// readers, which fill the model without a wire DTO beside it. Each reads what the source-generated serializer read
/// for the same member of the DTO, with the dialects' options (<c>PropertyNameCaseInsensitive</c>,
/// <c>NumberHandling = AllowReadingFromString</c>): the same values are accepted, and the same are a
/// <see cref="JsonException"/>. Every method starts on the value's first token and ends on its last.
/// </summary>
internal static class WireReader
{
    /// <summary>
    /// Longer than any member name the dialects read, even with every character escaped (<c>\uXXXX</c>, 6 bytes):
    /// a longer name is an unknown member.
    /// </summary>
    public const int NameBufferSize = 256;

    /// <summary>
    /// The name of the member the reader is on (a <see cref="JsonTokenType.PropertyName"/>), unescaped into
    /// <paramref name="buffer"/>; empty when it is longer than the buffer, so it matches no member.
    /// </summary>
    public static ReadOnlySpan<char> Name(in Utf8JsonReader reader, Span<char> buffer)
    {
        // An unescaped name has no more UTF-16 characters than its raw UTF-8 bytes.
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        return length > buffer.Length ? [] : buffer.Slice(0, reader.CopyString(buffer));
    }

    /// <summary>Whether <paramref name="name"/> is <paramref name="member"/>, case-insensitively, as the serializer matched it.</summary>
    public static bool Is(ReadOnlySpan<char> name, string member) => name.Equals(member.AsSpan(), StringComparison.OrdinalIgnoreCase);

    /// <summary>A string or <c>null</c>.</summary>
    public static string? String(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Unexpected(reader.TokenType, "a string"),
    };

    /// <summary>An id that a server sends as a string or as a number (LumoAuth sends both), as a string.</summary>
    public static string? StringOrNumber(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => NumberText(ref reader),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a string or a number, found {reader.TokenType}."),
    };

    /// <summary><c>true</c>, <c>false</c> or <c>null</c>.</summary>
    public static bool? Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw Unexpected(reader.TokenType, "a boolean"),
    };

    /// <summary>A whole number, also when quoted (<c>AllowReadingFromString</c>), or <c>null</c>.</summary>
    public static long? Int64(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                return number;
            case JsonTokenType.String:
                // As the serializer reads a quoted number: the whole unescaped string, nothing around it.
                Span<byte> buffer = stackalloc byte[64];
                var raw = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
                var text = raw <= buffer.Length ? buffer.Slice(0, reader.CopyString(buffer)) : System.Text.Encoding.UTF8.GetBytes(reader.GetString()!);
                if (Utf8Parser.TryParse(text, out long value, out var consumed) && consumed == text.Length)
                {
                    return value;
                }

                throw new JsonException("The JSON value could not be converted to a whole number.");
            default:
                throw Unexpected(reader.TokenType, "a whole number");
        }
    }

    /// <summary>
    /// A list of strings or <c>null</c>; its <c>null</c> entries are kept here (<see cref="Wire.Strings"/> drops
    /// them with the blank ones).
    /// </summary>
    public static List<string?>? Strings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(reader.TokenType, "an array of strings");
        }

        var values = new List<string?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(String(ref reader));
        }

        return values;
    }

    /// <summary>
    /// An ISO 8601 timestamp, leniently: a value that is not one (or not a string) is <see langword="null"/> rather
    /// than failing the whole response, since no operation depends on it.
    /// </summary>
    public static DateTimeOffset? Timestamp(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        // The usual ISO 8601 value with 'Z' or an offset parses without a string; anything else (no offset, which
        // means UTC here, or another format) goes through DateTimeOffset.TryParse. (The values are declared first so
        // that a mutation test's rewrite of a condition still compiles.)
        var value = default(DateTimeOffset);
        if (HasOffset(reader) && reader.TryGetDateTimeOffset(out value))
        {
            return value.ToUniversalTime();
        }

        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value)
            ? value
            : null;
    }

    /// <summary>
    /// A one-client body (get, create, rotate), bare or wrapped in <c>data</c>, as the serializer read it: one JSON
    /// value, an object; a JSON <c>null</c>, nothing or more than one value is the wrong shape.
    /// </summary>
    public static T Client<T>(ReadOnlySpan<byte> body)
        where T : struct, IClientFields
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
            {
                throw new JsonException("The body is empty or JSON null.");
            }

            var fields = Object<T>(ref reader);

            // Only white space may follow: the reader refuses a second value.
            _ = reader.Read();
            return fields;
        }
        catch (InvalidOperationException ex)
        {
            // A string or name that is not valid UTF-8 or UTF-16, as the serializer reports it.
            throw new JsonException(ex.Message, ex);
        }
    }

    /// <summary>
    /// Adds a batch of a list's items (one JSON array) to <paramref name="clients"/>, each read by
    /// <paramref name="read"/> straight into the model; <c>null</c> items are skipped.
    /// </summary>
    public static void Clients(ReadOnlySpan<byte> items, List<OAuthClient> clients, ClientReader read)
    {
        // The batch is one JSON array (JsonListReader makes it): its '[' first.
        var reader = new Utf8JsonReader(items);
        try
        {
            _ = reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.Null)
                {
                    clients.Add(read(ref reader));
                }
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    /// <summary>
    /// Reads the client object the reader is on: its <c>data</c> object when it has one (the wrapped shapes), itself
    /// otherwise. Member names are matched case-insensitively; a member given twice keeps its last value; unknown
    /// members are skipped.
    /// </summary>
    public static T Object<T>(ref Utf8JsonReader reader)
        where T : struct, IClientFields => Object<T>(ref reader, unwrap: true);

    // Only the outer object is unwrapped: a "data" inside "data" is read (so a malformed one fails as before) but not used.
    private static T Object<T>(ref Utf8JsonReader reader, bool unwrap)
        where T : struct, IClientFields
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(reader.TokenType, "a client object");
        }

        var fields = default(T);
        var data = default(T);
        var hasData = false;
        Span<char> buffer = stackalloc char[NameBufferSize];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // The body is whole (a final block): the reader throws rather than end inside a member.
            var name = Name(reader, buffer);
            _ = reader.Read();

            if (Is(name, "data"))
            {
                hasData = reader.TokenType != JsonTokenType.Null;
                data = hasData ? Object<T>(ref reader, unwrap: false) : default;
            }
            else if (!fields.Read(name, ref reader))
            {
                reader.Skip();
            }
        }

        return unwrap && hasData ? data : fields;
    }

    private static JsonException Unexpected(JsonTokenType token, string expected) => new($"Expected {expected}, found {token}.");

    // The number exactly as written ("42", not "42.0"), decoded from its UTF-8 bytes.
    private static string NumberText(ref Utf8JsonReader reader) =>
#if NET
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
#else
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
#endif

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
