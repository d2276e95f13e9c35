using System;

namespace OAuthClients.Sdk.Rotation.Verification.Dialects.Cerberus;

/// <summary>Cerberus IAM's token endpoint: <c>POST /oauth2/token</c>, the same for every organisation.</summary>
internal sealed class CerberusTokenEndpoint : ITokenEndpoint
{
    public Uri Resolve(Uri baseAddress, OAuthClientsOptions options) => new(baseAddress, "oauth2/token");
}
