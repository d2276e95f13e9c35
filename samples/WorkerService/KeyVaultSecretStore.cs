using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Security.KeyVault.Secrets;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Secrets;

namespace WorkerService;

/// <summary>
/// Azure Key Vault as a secret store: each rotation sets a new version of the secret <c>oauth-{clientId}</c> (Key Vault
/// names allow letters, digits and dashes). Apps read it with Azure.Extensions.AspNetCore.Configuration.Secrets and a
/// reload interval, or with <c>SecretClient.GetSecretAsync</c>.
/// </summary>
public sealed class KeyVaultSecretStore(SecretClient vault) : ISecretStore
{
    public string Name => "azure-key-vault";

    public async Task SetSecretAsync(OAuthClient client, ClientSecret secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(secret);
        var name = "oauth-" + SecretName(client.ClientId);

        // A RequestFailedException says which vault call failed, never the value: the rotation service retries it.
        await vault.SetSecretAsync(new KeyVaultSecret(name, secret.Reveal()) { Properties = { ContentType = "text/plain" } }, cancellationToken).ConfigureAwait(false);
    }

    private static string SecretName(string clientId)
    {
        var chars = clientId.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = char.IsAsciiLetterOrDigit(chars[i]) ? chars[i] : '-';
        }

        return new string(chars);
    }
}
