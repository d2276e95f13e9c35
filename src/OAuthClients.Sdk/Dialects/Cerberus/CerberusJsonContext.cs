using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>
/// The source-generated (trim and AOT safe) JSON of the Cerberus wire DTOs; client objects are read by
/// <see cref="WireReader"/> into <see cref="CerberusClientFields"/> and the model, without a DTO.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(CerberusListEnvelope))]
[JsonSerializable(typeof(CerberusClientBody))]
[JsonSerializable(typeof(CerberusLoginBody))]
[JsonSerializable(typeof(CerberusProfileDto))]
internal sealed partial class CerberusJsonContext : JsonSerializerContext;
