using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Http;

/// <summary>The <see cref="OAuthClientsOptions.ApiKey"/>: the same token always, so a 401 is final.</summary>
internal sealed class FixedToken(string apiKey) : ITokenSource
{
    public bool CanRenew => false;

    public IEnumerable<string> Secrets { get; } = [apiKey];

    public ValueTask<string> GetTokenAsync(string? refusedToken, ApiTransport transport, CancellationToken cancellationToken) => new(apiKey);
}
