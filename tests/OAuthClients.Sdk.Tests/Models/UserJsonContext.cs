using System.Text.Json.Serialization;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Tests.Models;

/// <summary>A user's own source-generated context, in another assembly than the SDK's models (as in an AOT web app).</summary>
[JsonSerializable(typeof(CreatedOAuthClient))]
[JsonSerializable(typeof(ClientSecret))]
internal sealed partial class UserJsonContext : JsonSerializerContext;
