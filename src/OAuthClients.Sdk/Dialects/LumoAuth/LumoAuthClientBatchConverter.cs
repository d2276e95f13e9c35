using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Dialects.LumoAuth;

/// <summary>Reads a batch of listed clients straight into the models, without a wire object per client (lists are where that adds up).</summary>
internal sealed class LumoAuthClientBatchConverter : JsonConverter<LumoAuthClientBatch>
{
    public override LumoAuthClientBatch Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(WireReader.Clients(ref reader, static (ref Utf8JsonReader reader) => LumoAuthClientFields.Read(ref reader).ToModel(listed: true)));

    public override void Write(Utf8JsonWriter writer, LumoAuthClientBatch value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Client objects are read-only on the wire.");
}
