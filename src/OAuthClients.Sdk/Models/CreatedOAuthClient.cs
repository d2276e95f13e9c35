namespace OAuthClients.Sdk.Models;

/// <summary>The result of <see cref="IOAuthClientsClient.CreateAsync"/>: the new client and its one-time secret.</summary>
/// <param name="Client">The client as the server stored it.</param>
/// <param name="Secret">
/// The client secret, shown this once; <see langword="null"/> for public clients, which get none.
/// Its <see cref="ClientSecret.ToString"/> is redacted, so this record is safe to log.
/// </param>
public sealed record CreatedOAuthClient(OAuthClient Client, ClientSecret? Secret);
