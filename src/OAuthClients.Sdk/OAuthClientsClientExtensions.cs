using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Internal;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk;

/// <summary>
/// Lookups built on <see cref="IOAuthClientsClient.ListAsync(System.Threading.CancellationToken)"/>, so they work for every dialect and every
/// implementation of <see cref="IOAuthClientsClient"/> (a test double included). Neither provider has a search
/// endpoint: a lookup reads the list page by page, stopping as soon as it has its answer where it can.
/// </summary>
public static class OAuthClientsClientExtensions
{
    /// <summary>Finds the client whose <see cref="OAuthClient.ClientId"/> (the OAuth <c>client_id</c>) is <paramref name="clientId"/>.</summary>
    /// <param name="client">The client to list with.</param>
    /// <param name="clientId">The <c>client_id</c>, compared exactly (ordinal, case-sensitive).</param>
    /// <param name="cancellationToken">A token that cancels the lookup.</param>
    /// <returns>The client as the list returns it, or <see langword="null"/> when none has this <c>client_id</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="clientId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="clientId"/> is empty or white space.</exception>
    /// <exception cref="OAuthClientsApiException">The server answered with an error or an unreadable body.</exception>
    /// <exception cref="TimeoutException">An attempt took longer than <see cref="OAuthClientsOptions.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<OAuthClient?> FindByClientIdAsync(this IOAuthClientsClient client, string clientId, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(client, nameof(client));
        Guard.NotNullOrWhiteSpace(clientId, nameof(clientId));
        return FirstAsync(client.ListAsync(cancellationToken), c => string.Equals(c.ClientId, clientId, StringComparison.Ordinal));
    }

    /// <summary>Finds the clients named <paramref name="name"/>. Names are not unique, so there may be several.</summary>
    /// <param name="client">The client to list with.</param>
    /// <param name="name">The <see cref="OAuthClient.Name"/>, compared exactly (ordinal, case-sensitive).</param>
    /// <param name="cancellationToken">A token that cancels the lookup.</param>
    /// <returns>The clients with this name as the list returns them, in the server's order; empty when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="OAuthClientsApiException">The server answered with an error or an unreadable body.</exception>
    /// <exception cref="TimeoutException">An attempt took longer than <see cref="OAuthClientsOptions.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<IReadOnlyList<OAuthClient>> FindByNameAsync(this IOAuthClientsClient client, string name, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(client, nameof(client));
        Guard.NotNullOrWhiteSpace(name, nameof(name));
        return AllAsync(client.ListAsync(cancellationToken), c => string.Equals(c.Name, name, StringComparison.Ordinal));
    }

    private static async Task<OAuthClient?> FirstAsync(IAsyncEnumerable<OAuthClient> clients, Func<OAuthClient, bool> match)
    {
        await foreach (var candidate in clients.ConfigureAwait(false))
        {
            if (match(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task<IReadOnlyList<OAuthClient>> AllAsync(IAsyncEnumerable<OAuthClient> clients, Func<OAuthClient, bool> match)
    {
        var found = new List<OAuthClient>();
        await foreach (var candidate in clients.ConfigureAwait(false))
        {
            if (match(candidate))
            {
                found.Add(candidate);
            }
        }

        return found;
    }
}
