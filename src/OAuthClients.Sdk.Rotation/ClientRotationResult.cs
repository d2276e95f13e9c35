using OAuthClients.Sdk.Rotation.Verification;

namespace OAuthClients.Sdk.Rotation;

/// <summary>What a pass did with one client, and why. Never carries a secret.</summary>
public sealed record ClientRotationResult
{
    /// <summary>Gets the client's id (<see cref="Models.OAuthClient.Id"/>).</summary>
    public required string ClientId { get; init; }

    /// <summary>Gets the client's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets what happened.</summary>
    public required RotationOutcome Outcome { get; init; }

    /// <summary>Gets why, in a sentence, such as <c>the secret is 91 days old (at most 90)</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets what the provider said about the new secret.</summary>
    public SecretVerification Verification { get; init; }
}
