using System;
using System.IO;

namespace OAuthClients.Sdk.Cli;

/// <summary>The process's standard streams and environment, as the commands see them.</summary>
internal sealed record Terminal(TextWriter Out, TextWriter Error, TextReader In, bool IsOutputRedirected, bool IsErrorRedirected, Func<string, string?> Environment)
{
    public static Terminal FromConsole() => new(
        Console.Out, Console.Error, Console.In, Console.IsOutputRedirected, Console.IsErrorRedirected, System.Environment.GetEnvironmentVariable);

    /// <summary>Writes a warning to standard error.</summary>
    public void Warn(string message) => Error.WriteLine("warning: " + message);
}
