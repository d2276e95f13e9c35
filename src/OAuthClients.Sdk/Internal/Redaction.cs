using System;
using System.Text;
using System.Text.RegularExpressions;

namespace OAuthClients.Sdk.Internal;

/// <summary>Turns text that came from a server into something safe to put in an exception message.</summary>
internal static class Redaction
{
    private const int MaxLength = 300;

    // A JSON member whose name says it holds a credential: its string value is masked, even when truncated.
    private static readonly Regex SecretMember = new(
        "(\"[^\"]*(?:secret|token|password|api_?key|cookie|credential|authorization)[^\"]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private static readonly Regex Whitespace = new("\\s+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>A short, single-line, credential-free excerpt of a body.</summary>
    public static string Excerpt(byte[] body)
    {
        // Decoding a bounded prefix keeps a huge body from costing more than the excerpt needs.
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxLength * 4));
        return Text(text);
    }

    /// <summary>Text from a server (an error message, say), masked, on one line, and bounded in length.</summary>
    public static string Text(string text)
    {
        var masked = SecretMember.Replace(text, "$1\"****\"");
        var oneLine = Whitespace.Replace(masked, " ").Trim();
        return oneLine.Length <= MaxLength ? oneLine : oneLine.Substring(0, MaxLength) + "...";
    }
}
