using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OAuthClients.Sdk.Dialects;

/// <summary>Conversions between the models and the wire that every dialect shares.</summary>
internal static class Wire
{
    /// <summary>A lifetime in whole seconds (the rules have already made sure it is one).</summary>
    public static long? Seconds(TimeSpan? lifetime) => lifetime is { } value ? value.Ticks / TimeSpan.TicksPerSecond : null;

    /// <summary>
    /// A duration in whole seconds from the server: <see langword="null"/> when absent, zero or negative; clamped to
    /// <see cref="int.MaxValue"/> seconds (about 68 years, the longest a request may send back), so that no number
    /// a server sends overflows a <see cref="TimeSpan"/> or a date.
    /// </summary>
    public static TimeSpan? Lifetime(long? seconds) => seconds is { } value and > 0 ? TimeSpan.FromSeconds(Math.Min(value, int.MaxValue)) : null;

    /// <summary>
    /// A list the server sent, without its null or blank entries; empty when it sent none or <c>null</c>. The
    /// deserialized list itself when every entry is kept (the usual case), so reading a page copies no lists.
    /// </summary>
    public static IReadOnlyList<string> Strings(IReadOnlyList<string?>? values)
    {
        if (values is null || values.Count == 0)
        {
            return [];
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                return values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToArray();
            }
        }

        return values!;
    }

    /// <summary>The value unless it is blank (no array, for the per-client mapping).</summary>
    public static string? First(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The first value that is not blank.</summary>
    public static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The id a response must carry; without one, the body is not a client.</summary>
    public static string RequiredId(string? id) =>
        string.IsNullOrWhiteSpace(id) ? throw new JsonException("The client object has no 'id'.") : id!;

    /// <summary>The kind of the first JSON token of a body.</summary>
    public static JsonTokenType FirstToken(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        return reader.Read() ? reader.TokenType : JsonTokenType.None;
    }

    /// <summary>A body as <typeparamref name="T"/>; a JSON <c>null</c> is the wrong shape too.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(body, typeInfo) ?? throw new JsonException("The body is JSON null.");
}
