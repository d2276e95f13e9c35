using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;

namespace WorkerService;

/// <summary>Where a new secret goes: a vault, a deployment's configuration... It is the only copy there will ever be.</summary>
public interface ISecretSink
{
    /// <summary>Stores <paramref name="secret"/> for <paramref name="client"/>.</summary>
    Task StoreAsync(OAuthClient client, ClientSecret secret, CancellationToken cancellationToken);
}
