using System;

namespace OAuthClients.Sdk.Cli;

/// <summary>A usage error found before anything was sent: exit code 2, its message on standard error.</summary>
internal sealed class UsageException(string message) : Exception(message);
