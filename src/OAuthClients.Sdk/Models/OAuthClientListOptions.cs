namespace OAuthClients.Sdk.Models;

/// <summary>How <see cref="IOAuthClientsClient.ListAsync(OAuthClientListOptions, System.Threading.CancellationToken)"/> lists clients.</summary>
/// <remarks>
/// A setting the configured dialect cannot honour (<see cref="Search"/> where the server has no search) makes
/// <c>ListAsync</c> throw <see cref="System.NotSupportedException"/> before anything is sent.
/// </remarks>
public sealed record OAuthClientListOptions
{
    /// <summary>The largest <see cref="MaxConcurrency"/>.</summary>
    public const int MaxConcurrencyLimit = 16;

    /// <summary>
    /// Gets the number of clients to ask for per request, or <see langword="null"/> for the largest page the provider
    /// documents (LumoAuth: 100). Cerberus returns every client in one response and does not use it.
    /// </summary>
    public int? PageSize { get; init; }

    /// <summary>
    /// Gets the text the server filters clients by (LumoAuth's <see cref="LumoAuthApi.Clients"/> API: <c>search</c>), or
    /// <see langword="null"/> for every client. Not supported by LumoAuth's <see cref="LumoAuthApi.OAuthClients"/> API nor by
    /// Cerberus.
    /// </summary>
    public string? Search { get; init; }

    /// <summary>
    /// Gets a value indicating whether every listed client is complete. Where the list returns summaries
    /// (<see cref="OAuthClient.IsSummary"/>), each one is then fetched with <see cref="IOAuthClientsClient.GetAsync"/>,
    /// <see cref="MaxConcurrency"/> at a time; a client deleted between the list and its fetch is left out.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: clients as the list returns them.</value>
    public bool FullClients { get; init; }

    /// <summary>Gets how many clients <see cref="FullClients"/> fetches at once, from 1 to <see cref="MaxConcurrencyLimit"/>.</summary>
    /// <value>The default value is 4.</value>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>
    /// Gets a value indicating whether a listing that ends with fewer clients than the server said it has (the total of
    /// its first page) fails with <see cref="Errors.OAuthClientsApiException"/> instead of returning what it got. Set it
    /// where a missing client would be mistaken for a deleted one (a sync that would recreate it); leave it off where
    /// clients deleted while the list is read are expected to make it shorter.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool RequireComplete { get; init; }

    /// <summary>Gets the options of the plain <see cref="IOAuthClientsClient.ListAsync(System.Threading.CancellationToken)"/>.</summary>
    internal static OAuthClientListOptions Default { get; } = new();
}
