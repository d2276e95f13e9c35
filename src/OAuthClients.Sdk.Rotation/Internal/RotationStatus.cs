using System;
using System.Threading;
using System.Collections.Concurrent;

namespace OAuthClients.Sdk.Rotation.Internal;

/// <summary>What the health check and the gauges report, shared with the service. Holds no secret.</summary>
internal sealed class RotationStatus
{
    private readonly ConcurrentDictionary<string, bool> _refusedVerifications = new();
    private int _pendingDeliveries;

    public int PendingDeliveries => Volatile.Read(ref _pendingDeliveries);

    public int FailedVerifications => _refusedVerifications.Count;

    public TimeSpan? OldestSecretAge { get; set; }

    public DateTimeOffset? LastPassAt { get; set; }

    public bool LastPassFailed { get; set; }

    public void DeliveryPending() => Interlocked.Increment(ref _pendingDeliveries);

    public void DeliveryEnded() => Interlocked.Decrement(ref _pendingDeliveries);

    public void Verified(string clientId, bool ok)
    {
        if (ok)
        {
            _refusedVerifications.TryRemove(clientId, out _);
        }
        else
        {
            _refusedVerifications[clientId] = true;
        }
    }
}
