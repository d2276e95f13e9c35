using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Sync.Internal;

/// <summary>A SHA-256 of every member of every server client (its record text, which holds no secret), in id order.</summary>
internal static class Fingerprint
{
    public static string Of(IEnumerable<OAuthClient> clients)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var client in clients.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(client.ToString()));
            hash.AppendData([0]);
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }
}
