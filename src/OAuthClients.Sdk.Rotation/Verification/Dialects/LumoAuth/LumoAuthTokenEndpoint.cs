using System;

namespace OAuthClients.Sdk.Rotation.Verification.Dialects.LumoAuth;

/// <summary>LumoAuth's tenant token endpoint: <c>POST /t/{tenant}/api/v1/oauth/token</c>.</summary>
internal sealed class LumoAuthTokenEndpoint : ITokenEndpoint
{
    public Uri Resolve(Uri baseAddress, OAuthClientsOptions options) =>
        new(baseAddress, $"t/{Uri.EscapeDataString(options.Tenant!)}/api/v1/oauth/token");
}
