using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Http;

/// <summary>The caller's <see cref="IOAuthClientsTokenProvider"/>, asked before every attempt.</summary>
internal sealed class ProvidedToken(IOAuthClientsTokenProvider provider) : ITokenSource
{
    public bool CanRenew => true;

    public IEnumerable<string> Secrets => Enumerable.Empty<string>();

    public ValueTask<string> GetTokenAsync(string? refusedToken, ApiTransport transport, CancellationToken cancellationToken) =>
        provider.GetTokenAsync(refusedToken, cancellationToken);
}
