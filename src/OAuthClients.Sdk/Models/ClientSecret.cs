using System;
using System.Diagnostics;
using System.Text.Json.Serialization;
using OAuthClients.Sdk.Internal;

namespace OAuthClients.Sdk.Models;

/// <summary>
/// A client secret as returned, once, by a create or rotate-secret call. The plaintext is only reachable through
/// <see cref="Reveal"/>: <see cref="ToString"/>, the debugger and System.Text.Json (reflection, a source-generated
/// <c>JsonSerializerContext</c> of the application, Native AOT) all show a redacted form.
/// </summary>
/// <remarks>
/// The identity provider stores only a hash of the secret, so this object holds the only copy that will ever exist.
/// Hand it to a secret store straight away; the SDK never logs or caches it.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
[JsonConverter(typeof(ClientSecretJsonConverter))]
public sealed class ClientSecret
{
    private const string Mask = "****";

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly string _value;

    /// <summary>Initializes a new instance of the <see cref="ClientSecret"/> class.</summary>
    /// <param name="value">The plaintext secret.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or white space.</exception>
    public ClientSecret(string value)
    {
        Guard.NotNullOrWhiteSpace(value, nameof(value));
        _value = value;
    }

    /// <summary>Returns the plaintext secret. This is the only way to read it.</summary>
    /// <returns>The plaintext secret.</returns>
    public string Reveal() => _value;

    /// <summary>
    /// Returns a redacted form that is safe to log: the vendor's well-known prefix, if any, followed by
    /// <c>****</c> (for example <c>cs_live_****</c>). Never the value.
    /// </summary>
    /// <returns>The redacted secret.</returns>
    public override string ToString() => RedactedPrefix(_value) + Mask;

    // A prefix such as "cs_live_" or "secret_" names the kind of secret, not its entropy. Only lower-case
    // letter segments qualify, at most two of them, and only when a long random part follows.
    private static string RedactedPrefix(string value)
    {
        const int MaxSegments = 2;
        const int MinRandomLength = 8;
        var end = 0;
        for (var segments = 0; segments < MaxSegments; segments++)
        {
            var i = end;
            while (i < value.Length && value[i] is >= 'a' and <= 'z')
            {
                i++;
            }

            if (i == end || i >= value.Length || value[i] != '_')
            {
                break;
            }

            end = i + 1;
        }

        return value.Length - end >= MinRandomLength ? value.Substring(0, end) : string.Empty;
    }
}
