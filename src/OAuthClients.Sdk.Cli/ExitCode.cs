namespace OAuthClients.Sdk.Cli;

/// <summary>The documented exit codes of <c>oauthclients</c> (3, drift found, comes only from the clients-as-code commands).</summary>
internal static class ExitCode
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The server answered with an error (not found, validation, permission, rate limit).</summary>
    public const int ApiError = 1;

    /// <summary>The command line, the settings or the input was wrong; nothing was sent.</summary>
    public const int UsageError = 2;

    /// <summary>The tenant is not as the document says (<c>drift</c>), or the plan has changes (<c>plan --detailed-exitcode</c>).</summary>
    public const int DriftFound = 3;

    /// <summary>The server could not be reached, or did not answer in time.</summary>
    public const int Unreachable = 4;

    /// <summary>Some of the work was done and some failed (<c>rotate-due --apply</c>, <c>apply</c>).</summary>
    public const int PartiallyApplied = 5;
}
