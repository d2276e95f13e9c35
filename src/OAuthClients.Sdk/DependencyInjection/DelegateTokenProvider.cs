using System;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.DependencyInjection;

/// <summary>A token provider made of a delegate, which is asked before every attempt, so a refused token needs no special care.</summary>
internal sealed class DelegateTokenProvider(IServiceProvider services, Func<IServiceProvider, CancellationToken, ValueTask<string>> getToken) : IOAuthClientsTokenProvider
{
    public ValueTask<string> GetTokenAsync(string? refusedToken, CancellationToken cancellationToken) => getToken(services, cancellationToken);
}
