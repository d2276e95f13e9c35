using System;

namespace OAuthClients.Sdk.Sync;

/// <summary>The server's clients changed since the plan was computed: nothing was applied. Plan again and review.</summary>
public sealed class StalePlanException : ClientsSyncException
{
    /// <summary>Initializes a new instance of the <see cref="StalePlanException"/> class.</summary>
    public StalePlanException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StalePlanException"/> class.</summary>
    /// <param name="message">The message.</param>
    public StalePlanException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StalePlanException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StalePlanException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
