using System;
using System.Collections.Generic;
using OAuthClients.Sdk.Rotation.Verification.Dialects.Cerberus;
using OAuthClients.Sdk.Rotation.Verification.Dialects.LumoAuth;

namespace OAuthClients.Sdk.Rotation.Verification.Dialects;

/// <summary>The only map from a dialect to its token endpoint's folder.</summary>
internal static class TokenEndpoints
{
    private static readonly Dictionary<OAuthDialect, ITokenEndpoint> ByDialect = new()
    {
        [OAuthDialect.LumoAuth] = new LumoAuthTokenEndpoint(),
        [OAuthDialect.Cerberus] = new CerberusTokenEndpoint(),
    };

    public static Uri For(OAuthClientsOptions options) =>
        ByDialect.TryGetValue(options.Dialect, out var endpoint)
            ? endpoint.Resolve(WithTrailingSlash(options.BaseAddress!), options)
            : throw new NotSupportedException($"Secret verification does not know the token endpoint of {options.Dialect}.");

    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
