using System;

namespace OAuthClients.Sdk.Rotation;

/// <summary>A held per-client lock. Dispose it to release it.</summary>
public interface ISecretRotationLockHandle : IAsyncDisposable
{
    /// <summary>
    /// Gets a value indicating whether the lock was lost while held (its connection or lease ended): another host may
    /// then be rotating the client, so a secret still waiting for delivery is dropped rather than delivered over a
    /// newer one. The shipped file and PostgreSQL locks always report <see langword="false"/>.
    /// </summary>
    bool IsLost { get; }
}
