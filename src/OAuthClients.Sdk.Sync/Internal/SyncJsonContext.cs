using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Sync.Internal;

/// <summary>The source-generated (trim- and AOT-safe) JSON of documents and plans: camelCase, nulls left out, unknown members refused.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(ClientsDocument))]
[JsonSerializable(typeof(SyncPlan))]
[JsonSerializable(typeof(DriftResult))]
[JsonSerializable(typeof(ApplyResult))]
internal sealed partial class SyncJsonContext : JsonSerializerContext;
