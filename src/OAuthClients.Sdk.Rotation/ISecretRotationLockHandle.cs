using System;

namespace OAuthClients.Sdk.Rotation;

/// <summary>A held per-client lock. Dispose it to release it.</summary>
public interface ISecretRotationLockHandle : IAsyncDisposable
{
    /// <summary>
    /// Gets a value indicating whether the lock was lost while held (for PostgreSQL, the connection that held it
    /// dropped): another host may then be rotating the client, so a secret still waiting for delivery is dropped rather
    /// than delivered over a newer one.
    /// </summary>
    bool IsLost { get; }
}
