using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace OAuthClients.Sdk.Internal;

/// <summary>Turns text that came from a server into something safe to put in an exception message.</summary>
internal static class Redaction
{
    private const int MaxLength = 300;

    // A JSON member whose name says it holds a credential: its string value is masked, even when truncated.
    private static readonly Regex SecretMember = new(
        "(\"[^\"]*(?:secret|token|password|api[-_]?key|cookie|credential|authorization)[^\"]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private static readonly Regex Whitespace = new("\\s+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>A short, single-line, credential-free excerpt of a body.</summary>
    public static string Excerpt(byte[] body, IEnumerable<string> credentials)
    {
        // Decoding a bounded prefix keeps a huge body from costing more than the excerpt needs.
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxLength * 4));
        return Text(text, credentials);
    }

    /// <summary>
    /// Text from a server (an error message, say), on one line and bounded in length, with the values of
    /// credential-like JSON members masked and every occurrence of the client's own credentials masked (a server
    /// may quote the token it refused).
    /// </summary>
    public static string Text(string text, IEnumerable<string> credentials)
    {
        var masked = SecretMember.Replace(text, "$1\"****\"");
        foreach (var credential in credentials)
        {
            masked = masked.Replace(credential, "****");
        }

        var oneLine = Whitespace.Replace(masked, " ").Trim();
        return oneLine.Length <= MaxLength ? oneLine : oneLine.Substring(0, MaxLength) + "...";
    }
}
