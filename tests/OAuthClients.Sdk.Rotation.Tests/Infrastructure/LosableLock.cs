using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Rotation.Tests.Infrastructure;

/// <summary>An in-process lock whose held handles a test can mark as lost, as a dropped database connection would.</summary>
public sealed class LosableLock : ISecretRotationLock
{
    private readonly ConcurrentDictionary<string, Handle> _held = new();

    public void Lose(string clientId)
    {
        if (_held.TryGetValue(clientId, out var handle))
        {
            handle.IsLost = true;
        }
    }

    public bool IsHeld(string clientId) => _held.ContainsKey(clientId);

    public ValueTask<ISecretRotationLockHandle?> TryAcquireAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var handle = new Handle(this, clientId);
        return new ValueTask<ISecretRotationLockHandle?>(_held.TryAdd(clientId, handle) ? handle : null);
    }

    private sealed class Handle(LosableLock owner, string clientId) : ISecretRotationLockHandle
    {
        public bool IsLost { get; set; }

        public ValueTask DisposeAsync()
        {
            owner._held.TryRemove(clientId, out _);
            return ValueTask.CompletedTask;
        }
    }
}
