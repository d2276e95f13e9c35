using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>
/// The source-generated (trim and AOT safe) JSON of the Cerberus wire DTOs; client objects are read by hand-written
/// converters (<see cref="CerberusClientFields"/>, <see cref="CerberusClientBatch"/>), listed ones straight into the model.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(CerberusClientFields))]
[JsonSerializable(typeof(CerberusClientBatch))]
[JsonSerializable(typeof(CerberusListEnvelope))]
[JsonSerializable(typeof(CerberusClientBody))]
[JsonSerializable(typeof(CerberusLoginBody))]
[JsonSerializable(typeof(CerberusProfileDto))]
internal sealed partial class CerberusJsonContext : JsonSerializerContext;
