using System;
using System.Collections.Generic;

namespace OAuthClients.Sdk.Internal;

/// <summary>
/// Every credential a client holds or has held, for <see cref="Redaction"/> to mask wherever server text is quoted:
/// the configured ones (kept for good), and each one learned later (a token from a provider or a token endpoint, a
/// rotated CSRF token, a renewed session cookie), kept after it was replaced because a server may still echo it.
/// One registry per dialect instance, shared by every client of a registration; thread-safe.
/// </summary>
/// <remarks>
/// Learned values are bounded (the most recent <see cref="MaxLearned"/>), so a long-lived client whose CSRF token
/// changes on every response does not grow without end; a value that old has long stopped being accepted.
/// </remarks>
internal sealed class CredentialRegistry
{
    /// <summary>How many learned (not configured) values are kept.</summary>
    public const int MaxLearned = 64;

    private readonly object _gate = new();
    private readonly List<string> _configured = [];
    private readonly Queue<string> _learned = new();
    private string[] _snapshot = [];

    /// <summary>Gets every value to mask, longest first (so that a credential containing another is masked whole).</summary>
    public IReadOnlyList<string> Values => System.Threading.Volatile.Read(ref _snapshot);

    /// <summary>Adds a configured credential (an API key, a client secret), kept for the client's lifetime.</summary>
    public void AddConfigured(string? value) => Add(value, configured: true);

    /// <summary>Adds a credential learned at run time (a token, a CSRF token, a session cookie); nothing for blank values.</summary>
    public void Add(string? value) => Add(value, configured: false);

    private void Add(string? value, bool configured)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        lock (_gate)
        {
            if (Array.IndexOf(_snapshot, value) >= 0)
            {
                return;
            }

            if (configured)
            {
                _configured.Add(value!);
            }
            else
            {
                _learned.Enqueue(value!);
                if (_learned.Count > MaxLearned)
                {
                    _learned.Dequeue();
                }
            }

            var all = new List<string>(_configured.Count + _learned.Count);
            all.AddRange(_configured);
            all.AddRange(_learned);
            all.Sort(static (a, b) => b.Length.CompareTo(a.Length));
            System.Threading.Volatile.Write(ref _snapshot, all.ToArray());
        }
    }
}
