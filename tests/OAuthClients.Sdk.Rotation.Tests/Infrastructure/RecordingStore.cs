using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Secrets;

namespace OAuthClients.Sdk.Rotation.Tests.Infrastructure;

/// <summary>
/// A secret store that records every secret it takes, in order, and fails the first <c>failures</c> calls (recording
/// what it was offered all the same, for the leak tests).
/// </summary>
public sealed class RecordingStore(int failures = 0, string name = "recording") : ISecretStore
{
    private readonly ConcurrentQueue<(string ClientId, string Secret)> _stored = new();
    private readonly ConcurrentQueue<string> _offered = new();
    private int _failuresLeft = failures;
    private int _calls;

    public string Name => name;

    public int Calls => Volatile.Read(ref _calls);

    public IReadOnlyList<(string ClientId, string Secret)> Stored => [.. _stored];

    public IReadOnlyList<string> Offered => [.. _offered];

    public IReadOnlyList<string> SecretsOf(string clientId) => [.. _stored.Where(s => s.ClientId == clientId).Select(s => s.Secret)];

    public Task SetSecretAsync(OAuthClient client, ClientSecret secret, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        _offered.Enqueue(secret.Reveal());
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new IOException("The vault is unavailable.");
        }

        _stored.Enqueue((client.ClientId, secret.Reveal()));
        return Task.CompletedTask;
    }
}
