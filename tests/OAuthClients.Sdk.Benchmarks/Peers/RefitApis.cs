using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace OAuthClients.Sdk.Benchmarks.Peers;

/// <summary>The LumoAuth admin API as a Refit interface (System.Text.Json with the source-generated context).</summary>
public interface ILumoAuthApi
{
    [Get("/t/{tenant}/api/v1/admin/oauth-clients/{id}")]
    Task<LumoClient> GetAsync(string tenant, string id, CancellationToken cancellationToken = default);

    [Post("/t/{tenant}/api/v1/admin/oauth-clients")]
    Task<LumoCreatedClient> CreateAsync(string tenant, [Body] LumoCreateClientRequest body, CancellationToken cancellationToken = default);

    [Get("/t/{tenant}/api/v1/admin/oauth-clients")]
    Task<LumoClientPage> ListAsync(string tenant, int page, int limit, CancellationToken cancellationToken = default);
}

/// <summary>The Cerberus admin API as a Refit interface.</summary>
public interface ICerberusApi
{
    [Get("/v1/admin/clients/{id}")]
    Task<CerberusClient> GetAsync(string id, CancellationToken cancellationToken = default);

    [Post("/v1/admin/clients")]
    Task<CerberusCreatedClient> CreateAsync([Body] CerberusCreateClientRequest body, CancellationToken cancellationToken = default);

    [Get("/v1/admin/clients")]
    Task<CerberusClientList> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// How Refit clients are made here: the caller's <see cref="HttpClient"/> (bearer key, <c>Accept</c> and, for
/// Cerberus, <c>X-Org-Domain</c> as default headers, the usual Refit set-up) and <see cref="SystemTextJsonContentSerializer"/>
/// over the options of <see cref="PeerJsonContext"/>, so that no reflection-based metadata is used.
/// </summary>
public static class RefitPeers
{
    public static RefitSettings Settings { get; } = new(new SystemTextJsonContentSerializer(PeerJsonContext.Default.Options));

    public static T Create<T>(HttpClient http) => RestService.For<T>(http, Settings);

    /// <summary>Every LumoAuth client, page by page, as the caller of a Refit interface writes it.</summary>
    public static async IAsyncEnumerable<LumoClient> ListAllAsync(this ILumoAuthApi api, string tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var page = 1; ; page++)
        {
            var body = await api.ListAsync(tenant, page, 100, cancellationToken).ConfigureAwait(false);
            foreach (var client in body.Data)
            {
                yield return client;
            }

            if (body.Meta is not { HasNextPage: true })
            {
                yield break;
            }
        }
    }

    public static async IAsyncEnumerable<CerberusClient> ListAllAsync(this ICerberusApi api, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var body = await api.ListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var client in body.Data)
        {
            yield return client;
        }
    }
}
