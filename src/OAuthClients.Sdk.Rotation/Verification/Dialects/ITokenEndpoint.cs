using System;

namespace OAuthClients.Sdk.Rotation.Verification.Dialects;

/// <summary>Where a provider's OAuth 2.0 token endpoint is, relative to the configured base address (which ends with a slash). One per folder.</summary>
internal interface ITokenEndpoint
{
    Uri Resolve(Uri baseAddress, OAuthClientsOptions options);
}
