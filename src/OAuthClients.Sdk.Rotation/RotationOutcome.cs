namespace OAuthClients.Sdk.Rotation;

/// <summary>What a pass did with one client.</summary>
public enum RotationOutcome
{
    /// <summary>The secret is younger than <see cref="SecretRotationOptions.MaxSecretAge"/> (or another host just rotated it).</summary>
    NotDue,

    /// <summary>Dry run: the client would be rotated (see the reason).</summary>
    WouldRotate,

    /// <summary>Rotated and delivered to every store.</summary>
    Rotated,

    /// <summary>An interrupted rotation was rotated again and delivered to every store.</summary>
    Recovered,

    /// <summary>Rotated, but a store has not taken the secret yet: it is held in memory and retried with backoff.</summary>
    DeliveryPending,

    /// <summary>Another host or process holds the client's lock: it is rotating it.</summary>
    LockedElsewhere,

    /// <summary>
    /// The client could not be rotated (the reason says why). When the rotate request itself failed, its outcome is
    /// unknown and the next pass recovers the client; otherwise its secret is unchanged and the next pass tries again.
    /// </summary>
    Failed,
}
