using System.Text.Json.Serialization;
using OAuthClients.Sdk.Models;

/// <summary>The application's own source-generated JSON context: it must write a created client's secret redacted.</summary>
[JsonSerializable(typeof(CreatedOAuthClient))]
internal sealed partial class ConsumerJson : JsonSerializerContext;
