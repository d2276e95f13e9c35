using System;

namespace OAuthClients.Sdk.Sync;

/// <summary>A desired-state document is invalid: unreadable JSON, an unknown or secret-like member, a missing name, two clients with one key.</summary>
public sealed class ClientsDocumentException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ClientsDocumentException"/> class.</summary>
    public ClientsDocumentException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ClientsDocumentException"/> class.</summary>
    /// <param name="message">What is wrong, and where (never a member's value).</param>
    public ClientsDocumentException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ClientsDocumentException"/> class.</summary>
    /// <param name="message">What is wrong, and where (never a member's value).</param>
    /// <param name="innerException">The cause.</param>
    public ClientsDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
