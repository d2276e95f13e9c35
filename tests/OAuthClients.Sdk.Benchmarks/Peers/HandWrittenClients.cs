using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Benchmarks.Peers;

/// <summary>
/// What a competent engineer writes instead of the SDK: one <see cref="HttpClient"/> (with <c>BaseAddress</c>), a
/// fresh request per call with the bearer key and <c>Accept</c>, <see cref="HttpClient.SendAsync(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/>
/// with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, <c>EnsureSuccessStatusCode</c>, and
/// <c>ReadFromJsonAsync</c> with the source-generated type info. No retries, timeouts of its own, validation or mapping.
/// </summary>
public abstract class HandWrittenClient(HttpClient http, string apiKey)
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private readonly AuthenticationHeaderValue _auth = new("Bearer", apiKey);

    protected HttpRequestMessage NewRequest(HttpMethod method, string uri)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = _auth;
        request.Headers.Accept.Add(AcceptJson);
        return request;
    }

    protected async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("The body is JSON null.");
        }
    }
}

public sealed class HandWrittenLumoAuthClient(HttpClient http, string tenant, string apiKey) : HandWrittenClient(http, apiKey)
{
    private readonly string _collection = $"t/{Uri.EscapeDataString(tenant)}/api/v1/admin/oauth-clients";

    public Task<LumoClient> GetAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(NewRequest(HttpMethod.Get, $"{_collection}/{Uri.EscapeDataString(id)}"), PeerJsonContext.Default.LumoClient, cancellationToken);

    public Task<LumoCreatedClient> CreateAsync(LumoCreateClientRequest body, CancellationToken cancellationToken = default)
    {
        var request = NewRequest(HttpMethod.Post, _collection);
        request.Content = JsonContent.Create(body, PeerJsonContext.Default.LumoCreateClientRequest);
        return SendAsync(request, PeerJsonContext.Default.LumoCreatedClient, cancellationToken);
    }

    /// <summary>Every client, following <c>meta.hasNextPage</c> page by page (100 per page, the documented maximum).</summary>
    public async IAsyncEnumerable<LumoClient> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var page = 1; ; page++)
        {
            var body = await SendAsync(NewRequest(HttpMethod.Get, $"{_collection}?page={page}&limit=100"), PeerJsonContext.Default.LumoClientPage, cancellationToken).ConfigureAwait(false);
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
}

public sealed class HandWrittenCerberusClient(HttpClient http, string organisation, string apiKey) : HandWrittenClient(http, apiKey)
{
    private const string Collection = "v1/admin/clients";

    public Task<CerberusClient> GetAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(NewOrgRequest(HttpMethod.Get, $"{Collection}/{Uri.EscapeDataString(id)}"), PeerJsonContext.Default.CerberusClient, cancellationToken);

    public Task<CerberusCreatedClient> CreateAsync(CerberusCreateClientRequest body, CancellationToken cancellationToken = default)
    {
        var request = NewOrgRequest(HttpMethod.Post, Collection);
        request.Content = JsonContent.Create(body, PeerJsonContext.Default.CerberusCreateClientRequest);
        return SendAsync(request, PeerJsonContext.Default.CerberusCreatedClient, cancellationToken);
    }

    /// <summary>Every client: Cerberus documents no server-side paging, so one request.</summary>
    public async IAsyncEnumerable<CerberusClient> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var body = await SendAsync(NewOrgRequest(HttpMethod.Get, Collection), PeerJsonContext.Default.CerberusClientList, cancellationToken).ConfigureAwait(false);
        foreach (var client in body.Data)
        {
            yield return client;
        }
    }

    private HttpRequestMessage NewOrgRequest(HttpMethod method, string uri)
    {
        var request = NewRequest(method, uri);
        request.Headers.Add("X-Org-Domain", organisation);
        return request;
    }
}
