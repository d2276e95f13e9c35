using System;
using System.Collections.Generic;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Secrets;

namespace OAuthClients.Sdk.Rotation.Internal;

/// <summary>
/// A new secret between the rotate call and its last store: the only copy, held in memory with the client's lock, so
/// no one rotates the client again until every store has it.
/// </summary>
internal sealed class PendingDelivery(OAuthClient client, ClientSecret secret, ISecretRotationLockHandle heldLock, IEnumerable<ISecretStore> stores, DateTimeOffset startedAt, DateTimeOffset rotatedAt, bool recovery)
{
    public OAuthClient Client { get; } = client;

    public ClientSecret Secret { get; } = secret;

    public ISecretRotationLockHandle HeldLock { get; } = heldLock;

    public List<ISecretStore> RemainingStores { get; } = [.. stores];

    public DateTimeOffset StartedAt { get; } = startedAt;

    public DateTimeOffset RotatedAt { get; } = rotatedAt;

    public bool Recovery { get; } = recovery;

    public int FailedAttempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; } = rotatedAt;
}
