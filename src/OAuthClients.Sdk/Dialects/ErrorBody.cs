using System;
using System.Collections.Generic;
using System.Text.Json;

namespace OAuthClients.Sdk.Dialects;

/// <summary>Tolerant reading of error bodies, whose shapes vary too much for DTOs.</summary>
internal static class ErrorBody
{
    /// <summary>Parses <paramref name="body"/> and hands its root object to <paramref name="read"/>; anything else says nothing.</summary>
    public static ApiError Read(byte[] body, Func<JsonElement, ApiError> read)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? read(document.RootElement) : ApiError.None;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, too deep, or a string that is not valid UTF-16 (a lone surrogate escape): it says nothing.
            return ApiError.None;
        }
    }

    public static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A non-negative whole number of seconds (a body's <c>retry_after</c>, say), clamped as <see cref="Wire.Lifetime"/> does, or <see langword="null"/>.</summary>
    public static TimeSpan? Seconds(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds) && seconds >= 0
            ? Wire.Lifetime(seconds) ?? TimeSpan.Zero
            : null;

    /// <summary>A <c>{ "field": "message" }</c> or <c>{ "field": ["message", ...] }</c> map as <c>field: message</c> lines.</summary>
    public static void AddFieldMessages(JsonElement map, List<string> errors, string prefix = "")
    {
        foreach (var field in map.EnumerateObject())
        {
            var name = prefix + field.Name;
            switch (field.Value.ValueKind)
            {
                case JsonValueKind.Array:
                    foreach (var item in field.Value.EnumerateArray())
                    {
                        errors.Add($"{name}: {Text(item)}");
                    }

                    break;
                case JsonValueKind.Object:
                    AddFieldMessages(field.Value, errors, name + ".");
                    break;
                default:
                    errors.Add($"{name}: {Text(field.Value)}");
                    break;
            }
        }
    }

    /// <summary>A value as text: a string as it is, anything else as its JSON.</summary>
    public static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
