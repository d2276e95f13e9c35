using System;
using System.Collections.Generic;
using System.Text;

namespace OAuthClients.Sdk.Internal;

/// <summary>
/// Turns text that came from a server into something safe to put in an exception message: one line, bounded in
/// length, with every held credential masked and the value of every credential-named member masked whatever its
/// shape (a string, an object, an array, a number; a JSON member, a header line, a query parameter). Linear in a
/// bounded prefix of the text, whatever the text: no regular expression, so no backtracking and no timeout.
/// </summary>
internal static class Redaction
{
    private const int MaxLength = 300;
    private const string Mask = "****";

    /// <summary>How far past a credential word its key may run before its ':' or '='.</summary>
    private const int MaxKeyLength = 64;

    /// <summary>How many bytes of a body are decoded for its excerpt.</summary>
    private const int MaxDecodedBytes = 16 * 1024;

    private static readonly string[] HeaderWords = ["token", "apikey", "api_key", "api-key", "cookie", "authorization", "session"];

    private static readonly string[] SecretWords = ["secret", "token", "password", "apikey", "api_key", "api-key", "cookie", "credential", "authorization", "session"];

    /// <summary>A short, single-line, credential-free excerpt of a body (invalid UTF-8 becomes U+FFFD).</summary>
    public static string Excerpt(byte[] body, IReadOnlyList<string> credentials)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxDecodedBytes));
        return Bounded(text, body.Length > MaxDecodedBytes, credentials);
    }

    /// <summary>
    /// Text from a server (an error message, say), on one line and bounded in length, with the values of
    /// credential-like members masked and every occurrence of the client's own credentials masked (a server
    /// may quote the token it refused).
    /// </summary>
    public static string Text(string text, IReadOnlyList<string> credentials) => Bounded(text, cut: false, credentials);

    private static string Bounded(string text, bool cut, IReadOnlyList<string> credentials)
    {
        // Credentials hold no white space, so collapsing it first cannot split one. Enough is kept that a credential
        // starting within the excerpt is whole; whatever follows may be a credential's start, and is dropped.
        var longest = credentials.Count > 0 ? credentials[0].Length : 0;
        var window = MaxLength + longest + 1;
        var oneLine = OneLine(text, window, out var more);
        more |= cut;
        var masked = oneLine;
        foreach (var credential in credentials)
        {
            masked = masked.Replace(credential, Mask);
        }

        if (more)
        {
            masked = masked.Substring(0, Math.Max(0, masked.Length - longest));
        }

        masked = MaskSecretMembers(masked);
        if (!more && masked.Length <= MaxLength)
        {
            return masked;
        }

        // Cut, but never between the halves of a surrogate pair (OneLine leaves no lone half, so a high one here is a pair's).
        var length = Math.Min(masked.Length, MaxLength);
        if (length > 0 && char.IsHighSurrogate(masked[length - 1]))
        {
            length--;
        }

        return masked.Substring(0, length) + "...";
    }

    /// <summary>Up to <paramref name="limit"/> characters: runs of white space and control characters as one space, lone surrogates as U+FFFD.</summary>
    private static string OneLine(string text, int limit, out bool more)
    {
        var builder = new StringBuilder(Math.Min(text.Length, limit));
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (builder.Length >= limit)
            {
                // A space is only written before what follows it, so nothing needs trimming.
                more = true;
                return builder.ToString();
            }

            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        more = false;
        return builder.ToString();
    }

    /// <summary>
    /// Masks the value after every credential-named key: <c>"client_secret": ...</c>, <c>Set-Cookie: ...</c>,
    /// <c>token=...</c>. One pass; each character is looked at a bounded number of times.
    /// </summary>
    private static string MaskSecretMembers(string text)
    {
        StringBuilder? result = null;
        var copied = 0;
        var i = 0;
        while (i < text.Length)
        {
            var word = SecretWordAt(text, i);
            if (word == 0)
            {
                i++;
                continue;
            }

            // The rest of the key (client_secret_hash, tokenValue, or garbled bytes), its closing quote, then ':' or '='.
            var j = i + word;
            while (j < text.Length && j - i < MaxKeyLength && text[j] is not ('"' or '\'' or ':' or '=' or ',' or ' ' or '{' or '}' or '[' or ']'))
            {
                j++;
            }

            var quoted = j < text.Length && text[j] is '"' or '\'';
            if (quoted)
            {
                j++;
            }

            j = SkipSpaces(text, j);
            if (j >= text.Length || !IsSeparator(text[j], quoted, text, i, word))
            {
                // j is past the credential word: what it skipped is the rest of this key, not the start of another.
                i = j;
                continue;
            }

            var start = SkipSpaces(text, j + 1);
            var end = ValueEnd(text, start);
            if (end < text.Length && text[end] == ' ' && string.Compare(text, i, "authorization", 0, "authorization".Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                // An Authorization value is a scheme and its credentials ("Bearer abc"): the credentials are masked too.
                end = ValueEnd(text, SkipSpaces(text, end));
            }

            if (end > start)
            {
                // A quoted value keeps its quotes around the mask.
                var quote = text[start] is '"' or '\'' ? text[start].ToString() : string.Empty;
                result ??= new StringBuilder(text.Length);
                result.Append(text, copied, start - copied).Append(quote).Append(Mask).Append(quote);
                copied = end;
            }

            // end >= start > j: the value (possibly empty) is consumed.
            i = end;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    private static int SecretWordAt(string text, int i)
    {
        foreach (var word in SecretWords)
        {
            if (string.Compare(text, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return word.Length;
            }
        }

        return 0;
    }

    /// <summary>
    /// ':' after a quoted key (JSON) or after a header-like word (<c>Cookie: ...</c>, <c>Authorization: ...</c>,
    /// <c>token: ...</c>), '=' after any (<c>token=...</c>); not ':' after a bare <c>password</c> or <c>secret</c>,
    /// which is how a field error names its field (<c>password: too short</c>).
    /// </summary>
    private static bool IsSeparator(char c, bool quoted, string text, int word, int length) =>
        c == '=' || (c == ':' && (quoted || Array.IndexOf(HeaderWords, text.Substring(word, length).ToLowerInvariant()) >= 0));

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Where the value starting at <paramref name="start"/> ends: a JSON string, object or array, or a single-quoted
    /// string (each to the end when unterminated), or a bare token.
    /// </summary>
    private static int ValueEnd(string text, int start)
    {
        if (start < text.Length && text[start] == '\'')
        {
            var end = text.IndexOf('\'', start + 1) + 1;
            return end > 0 ? end : text.Length;
        }

        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '{' or '[')
            {
                depth++;
            }
            else if (c is '}' or ']')
            {
                if (depth == 0)
                {
                    return i;
                }

                if (--depth == 0)
                {
                    return i + 1;
                }
            }
            else if (depth == 0 && c is ',' or ';' or ' ' or '\'' or '&')
            {
                return i;
            }
        }

        return text.Length;
    }
}
