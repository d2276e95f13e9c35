using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>Reads a batch of listed clients straight into the models, without a wire object per client (lists are where that adds up).</summary>
internal sealed class CerberusClientBatchConverter : JsonConverter<CerberusClientBatch>
{
    public override CerberusClientBatch Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(WireReader.Clients(ref reader, static (ref Utf8JsonReader reader) => CerberusClientFields.Read(ref reader).ToModel()));

    public override void Write(Utf8JsonWriter writer, CerberusClientBatch value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Client objects are read-only on the wire.");
}
