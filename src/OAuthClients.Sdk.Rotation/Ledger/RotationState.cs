namespace OAuthClients.Sdk.Rotation.Ledger;

/// <summary>How far the last rotation of a client got. Written before each step's effect can be lost.</summary>
public enum RotationState
{
    /// <summary>The rotate request is about to be sent: the old secret may already be dead.</summary>
    Started,

    /// <summary>The provider issued a new secret, held in memory until every store has it.</summary>
    Rotated,

    /// <summary>Every secret store has the new secret.</summary>
    Delivered,

    /// <summary>Delivered, and a token request with the new secret succeeded.</summary>
    Verified,

    /// <summary>Delivered, but the provider refused a token request with the new secret (or could not be asked).</summary>
    VerificationFailed,
}
