using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Secrets;
using OAuthClients.Sdk.Testing;

namespace OAuthClients.Sdk.Rotation.Tests.Infrastructure;

/// <summary>A store that takes the secret, then has another admin rotate the client at the provider (so the delivered secret is dead).</summary>
public sealed class RotatingBehindTheBackStore(FakeOAuthClientsServer server) : ISecretStore
{
    public string Name => "behind-the-back";

    public async Task SetSecretAsync(OAuthClient client, ClientSecret secret, CancellationToken cancellationToken = default) =>
        await new OAuthClientsClient(server.CreateOptions()).RotateSecretAsync(client.Id, cancellationToken);
}
