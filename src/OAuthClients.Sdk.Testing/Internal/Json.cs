using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OAuthClients.Sdk.Testing.Internal;

/// <summary>Reading request bodies and making ids and secrets, for both fake dialects.</summary>
internal static class Json
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string? String(JsonObject body, string name) =>
        body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool? Bool(JsonObject body, string name) =>
        body[name] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;

    public static long? Seconds(JsonObject body, string name) =>
        body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var seconds) ? seconds : null;

    /// <summary>A list of strings, or <see langword="null"/> when the member is absent or not such a list.</summary>
    public static List<string>? Strings(JsonObject body, string name) =>
        body[name] is JsonArray array && array.All(item => item is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            ? array.Select(item => item!.GetValue<string>()).ToList()
            : null;

    public static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());

    /// <summary>A random lower-case string of <paramref name="length"/> characters (Crockford-like alphabet).</summary>
    public static string Random(int length) =>
        new(RandomNumberGenerator.GetBytes(length).Select(b => Alphabet[b % Alphabet.Length]).ToArray());
}
