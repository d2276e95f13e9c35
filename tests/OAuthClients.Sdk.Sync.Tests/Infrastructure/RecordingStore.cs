using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Secrets;

namespace OAuthClients.Sdk.Sync.Tests.Infrastructure;

/// <summary>A secret store that records what it stores, and fails on its <c>failOnCall</c>-th call (1-based) if asked.</summary>
public sealed class RecordingStore(int failOnCall = 0) : ISecretStore
{
    private readonly ConcurrentDictionary<string, string> _stored = new();
    private int _calls;

    public string Name => "recording";

    public IReadOnlyDictionary<string, string> Stored => _stored;

    public Task SetSecretAsync(OAuthClient client, ClientSecret secret, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _calls) == failOnCall)
        {
            throw new IOException("The vault is unavailable.");
        }

        _stored[client.ClientId] = secret.Reveal();
        return Task.CompletedTask;
    }
}
