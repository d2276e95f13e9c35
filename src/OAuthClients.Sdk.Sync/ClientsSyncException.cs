using System;

namespace OAuthClients.Sdk.Sync;

/// <summary>
/// A plan or apply stopped before writing anything: a document that matches the server ambiguously (two clients with
/// one key), more deletes than allowed, a replace that was not allowed, a created secret with no store to go to.
/// </summary>
public class ClientsSyncException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ClientsSyncException"/> class.</summary>
    public ClientsSyncException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ClientsSyncException"/> class.</summary>
    /// <param name="message">What stopped the plan or apply (never a secret).</param>
    public ClientsSyncException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ClientsSyncException"/> class.</summary>
    /// <param name="message">What stopped the plan or apply (never a secret).</param>
    /// <param name="innerException">The cause.</param>
    public ClientsSyncException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
