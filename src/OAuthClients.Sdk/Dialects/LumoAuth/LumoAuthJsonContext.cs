using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Dialects.LumoAuth;

/// <summary>
/// The source-generated (trim and AOT safe) JSON of the LumoAuth wire DTOs; client objects are read by
/// <see cref="WireReader"/> into <see cref="LumoAuthClientFields"/> and the model, without a DTO.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(LumoAuthListEnvelope))]
[JsonSerializable(typeof(LumoAuthClientBody))]
[JsonSerializable(typeof(LumoAuthTokenResponse))]
[JsonSerializable(typeof(LumoAuthScopes))]
[JsonSerializable(typeof(List<string?>))]
internal sealed partial class LumoAuthJsonContext : JsonSerializerContext;
