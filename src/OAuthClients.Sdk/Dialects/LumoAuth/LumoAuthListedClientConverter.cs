using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Dialects.LumoAuth;

/// <summary>
/// Reads a list's item straight into the model, without a wire object per client (lists are where that adds up).
/// A <c>null</c> item never reaches it: the list keeps it as <see langword="null"/> and <see cref="Wire.Models"/> skips it.
/// </summary>
internal sealed class LumoAuthListedClientConverter : JsonConverter<OAuthClient>
{
    public override OAuthClient Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LumoAuthClientFields.Read(ref reader).ToModel(listed: true);

    public override void Write(Utf8JsonWriter writer, OAuthClient value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Client objects are read-only on the wire.");
}
