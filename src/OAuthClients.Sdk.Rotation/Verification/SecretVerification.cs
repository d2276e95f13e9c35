namespace OAuthClients.Sdk.Rotation.Verification;

/// <summary>What the provider said about a new secret.</summary>
public enum SecretVerification
{
    /// <summary>Not asked: verification is off, or the client lacks the <c>client_credentials</c> grant.</summary>
    Skipped,

    /// <summary>A token request with the new secret succeeded.</summary>
    Accepted,

    /// <summary>The provider refused a token request with the new secret.</summary>
    Refused,

    /// <summary>The token endpoint could not be asked (unreachable, timed out, or an unexpected answer).</summary>
    Failed,
}
