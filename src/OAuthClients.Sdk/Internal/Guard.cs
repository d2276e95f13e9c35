using System;
using System.Diagnostics.CodeAnalysis;

namespace OAuthClients.Sdk.Internal;

/// <summary>The argument guards of <c>ArgumentNullException.ThrowIfNull</c> and friends, for every target framework.</summary>
internal static class Guard
{
    public static void NotNull([NotNull] object? argument, string paramName)
    {
        if (argument is null)
        {
            throw new ArgumentNullException(paramName);
        }
    }

    public static void NotNullOrWhiteSpace([NotNull] string? argument, string paramName)
    {
        NotNull(argument, paramName);
        if (string.IsNullOrWhiteSpace(argument))
        {
            throw new ArgumentException("The value must not be empty or consist only of white-space characters.", paramName);
        }
    }

    /// <summary>
    /// Whether <paramref name="value"/> can be a credential: printable ASCII without white space, the only text every
    /// header carries unchanged (a zero-width space pasted with a key is neither white space nor a control character).
    /// </summary>
    public static bool IsCredential([NotNullWhen(true)] string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (var c in value!)
        {
            if (c is <= ' ' or >= (char)127)
            {
                return false;
            }
        }

        return true;
    }
}
