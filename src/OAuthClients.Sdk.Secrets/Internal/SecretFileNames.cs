using System;

namespace OAuthClients.Sdk.Secrets.Internal;

/// <summary>
/// One file per client, named after its client id, escaped so that no id can name another directory or a hidden
/// file (<c>..</c>, <c>a/b</c>, <c>.x</c>); files whose name starts with a dot are the store's temporary files.
/// </summary>
internal static class SecretFileNames
{
    private const int MaxIdLength = 200;

    public static string ToFileName(string clientId)
    {
        if (clientId.Length is 0 or > MaxIdLength)
        {
            throw new ArgumentException($"A client id must have 1 to {MaxIdLength} characters to name a secret file.", nameof(clientId));
        }

        return Uri.EscapeDataString(clientId).Replace(".", "%2E", StringComparison.Ordinal);
    }

    public static string? ToClientId(string fileName) =>
        fileName.Length == 0 || fileName[0] == '.' ? null : Uri.UnescapeDataString(fileName);
}
