using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using OAuthClients.Sdk.Internal;

namespace OAuthClients.Sdk.Models;

/// <summary>
/// Writes a <see cref="ClientSecret"/> as its redacted form (<see cref="ClientSecret.ToString"/>) and refuses to read
/// one. Applied to <see cref="ClientSecret"/> by attribute, so reflection-based serialization, an application's own
/// source-generated <see cref="JsonSerializerContext"/> and Native AOT all use it; there is no need to register it.
/// </summary>
/// <remarks>Public because a source-generated context in another assembly must be able to create it.</remarks>
public sealed class ClientSecretJsonConverter : JsonConverter<ClientSecret>
{
    /// <summary>Refuses to read a secret: what is written is redacted, so it cannot be read back.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="typeToConvert">The type to convert.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override ClientSecret Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A ClientSecret is written redacted, so it cannot be read back from JSON.");

    /// <summary>Writes the redacted form of <paramref name="value"/>, never its plaintext.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The secret.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public override void Write(Utf8JsonWriter writer, ClientSecret value, JsonSerializerOptions options)
    {
        Guard.NotNull(writer, nameof(writer));
        Guard.NotNull(value, nameof(value));
        writer.WriteStringValue(value.ToString());
    }
}
