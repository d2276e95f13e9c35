using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Http;

/// <summary>Where a <see cref="BearerAuthenticator"/> gets its token: a fixed key, the caller's provider, or a token endpoint.</summary>
internal interface ITokenSource
{
    /// <summary>Gets a value indicating whether a refused token can be replaced, so that a 401 is worth one replay.</summary>
    bool CanRenew { get; }

    /// <summary>Gets the source's own secrets (a fixed key, a client secret), to mask wherever server text is quoted.</summary>
    IEnumerable<string> Secrets { get; }

    /// <summary>Gets the token for the next attempt; never <paramref name="refusedToken"/> when <see cref="CanRenew"/>.</summary>
    ValueTask<string> GetTokenAsync(string? refusedToken, ApiTransport transport, CancellationToken cancellationToken);
}
