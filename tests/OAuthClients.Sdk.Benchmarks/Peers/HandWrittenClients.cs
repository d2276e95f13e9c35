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
/// fresh request per call with the API key and <c>Accept</c>, <see cref="HttpClient.SendAsync(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/>
/// with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, <c>EnsureSuccessStatusCode</c>, and
/// <c>ReadFromJsonAsync</c> with the source-generated type info. No retries, timeouts of its own, validation or mapping.
/// </summary>
public abstract class HandWrittenClient(HttpClient http, string apiKey)
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private readonly AuthenticationHeaderValue _auth = new("Bearer", apiKey);

    protected string ApiKey { get; } = apiKey;

    protected HttpRequestMessage NewRequest(HttpMethod method, string uri)
    {
        var request = new HttpRequestMessage(method, uri);
        Authorize(request);
        request.Headers.Accept.Add(AcceptJson);
        return request;
    }

    protected HttpRequestMessage NewRequest<TBody>(HttpMethod method, string uri, TBody body, JsonTypeInfo<TBody> typeInfo)
    {
        var request = NewRequest(method, uri);
        request.Content = JsonContent.Create(body, typeInfo);
        return request;
    }

    /// <summary>Adds the credentials: a bearer API key unless the API wants another header.</summary>
    protected virtual void Authorize(HttpRequestMessage request) => request.Headers.Authorization = _auth;

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

    /// <summary>A request whose answer only has to be a success (the body, if any, is not read).</summary>
    protected async Task SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }
    }
}

/// <summary>LumoAuth's <c>/admin/oauth-clients</c> (the seed API): status and scopes through a PUT of the client.</summary>
public sealed class HandWrittenLumoAuthClient(HttpClient http, string tenant, string apiKey) : HandWrittenClient(http, apiKey)
{
    private static readonly LumoUpdateClientRequest Activate = new() { IsActive = true };
    private static readonly LumoUpdateClientRequest Deactivate = new() { IsActive = false };
    private readonly string _collection = $"t/{Uri.EscapeDataString(tenant)}/api/v1/admin/oauth-clients";

    public Task<LumoClient> GetAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(NewRequest(HttpMethod.Get, $"{_collection}/{Uri.EscapeDataString(id)}"), PeerJsonContext.Default.LumoClient, cancellationToken);

    public Task<LumoCreatedClient> CreateAsync(LumoCreateClientRequest body, CancellationToken cancellationToken = default) =>
        SendAsync(NewRequest(HttpMethod.Post, _collection, body, PeerJsonContext.Default.LumoCreateClientRequest), PeerJsonContext.Default.LumoCreatedClient, cancellationToken);

    public Task EnableAsync(string id, CancellationToken cancellationToken = default) => UpdateAsync(id, Activate, cancellationToken);

    public Task DisableAsync(string id, CancellationToken cancellationToken = default) => UpdateAsync(id, Deactivate, cancellationToken);

    public async Task<List<string>?> GetScopesAsync(string id, CancellationToken cancellationToken = default) =>
        (await GetAsync(id, cancellationToken).ConfigureAwait(false)).AllowedScopes;

    public async Task<List<string>?> ReplaceScopesAsync(string id, IReadOnlyList<string> scopes, CancellationToken cancellationToken = default) =>
        (await SendAsync(
            NewRequest(HttpMethod.Put, $"{_collection}/{Uri.EscapeDataString(id)}", new LumoUpdateClientRequest { AllowedScopes = scopes }, PeerJsonContext.Default.LumoUpdateClientRequest),
            PeerJsonContext.Default.LumoClient,
            cancellationToken).ConfigureAwait(false)).AllowedScopes;

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

    private Task UpdateAsync(string id, LumoUpdateClientRequest body, CancellationToken cancellationToken) =>
        SendAsync(NewRequest(HttpMethod.Put, $"{_collection}/{Uri.EscapeDataString(id)}", body, PeerJsonContext.Default.LumoUpdateClientRequest), cancellationToken);
}

/// <summary>LumoAuth's current <c>/admin/clients</c>: <c>X-API-Key</c>, <c>{ data }</c> envelopes, lists of summaries, dedicated status, token and scope routes.</summary>
public sealed class HandWrittenLumoAuthClientsClient(HttpClient http, string tenant, string apiKey) : HandWrittenClient(http, apiKey)
{
    private readonly string _collection = $"t/{Uri.EscapeDataString(tenant)}/api/v1/admin/clients";

    public async Task<LumoApiClient> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await SendAsync(NewRequest(HttpMethod.Get, $"{_collection}/{Uri.EscapeDataString(id)}"), PeerJsonContext.Default.LumoApiClientEnvelope, cancellationToken).ConfigureAwait(false)).Data;

    public async Task<LumoApiCreatedClient> CreateAsync(LumoApiCreateClientRequest body, CancellationToken cancellationToken = default) =>
        (await SendAsync(NewRequest(HttpMethod.Post, _collection, body, PeerJsonContext.Default.LumoApiCreateClientRequest), PeerJsonContext.Default.LumoApiCreatedEnvelope, cancellationToken).ConfigureAwait(false)).Data;

    public Task EnableAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(NewRequest(HttpMethod.Post, $"{_collection}/{Uri.EscapeDataString(id)}/enable"), cancellationToken);

    public Task DisableAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(NewRequest(HttpMethod.Post, $"{_collection}/{Uri.EscapeDataString(id)}/disable"), cancellationToken);

    public Task RevokeTokensAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(NewRequest(HttpMethod.Delete, $"{_collection}/{Uri.EscapeDataString(id)}/tokens"), cancellationToken);

    public async Task<List<string>> GetScopesAsync(string id, CancellationToken cancellationToken = default) =>
        (await SendAsync(NewRequest(HttpMethod.Get, $"{_collection}/{Uri.EscapeDataString(id)}/scopes"), PeerJsonContext.Default.LumoApiScopeList, cancellationToken).ConfigureAwait(false)).Data;

    public async Task<List<string>> ReplaceScopesAsync(string id, IReadOnlyList<string> scopes, CancellationToken cancellationToken = default) =>
        (await SendAsync(
            NewRequest(HttpMethod.Put, $"{_collection}/{Uri.EscapeDataString(id)}/scopes", new LumoApiScopesRequest { Scopes = scopes }, PeerJsonContext.Default.LumoApiScopesRequest),
            PeerJsonContext.Default.LumoApiScopeList,
            cancellationToken).ConfigureAwait(false)).Data;

    /// <summary>Every summary, following <c>meta.hasNextPage</c> page by page (100 per page, the documented maximum).</summary>
    public async IAsyncEnumerable<LumoApiClient> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var page = 1; ; page++)
        {
            var body = await SendAsync(NewRequest(HttpMethod.Get, $"{_collection}?page={page}&limit=100"), PeerJsonContext.Default.LumoApiClientPage, cancellationToken).ConfigureAwait(false);
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

    protected override void Authorize(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation("X-API-Key", ApiKey);
}

/// <summary>Cerberus IAM: status and scopes through a PATCH of the client, tokens through <c>POST /{id}/revoke</c>.</summary>
public sealed class HandWrittenCerberusClient(HttpClient http, string organisation, string apiKey) : HandWrittenClient(http, apiKey)
{
    private const string Collection = "v1/admin/clients";
    private static readonly HttpMethod Patch = new("PATCH");
    private static readonly CerberusUpdateClientRequest Activate = new() { IsActive = true };
    private static readonly CerberusUpdateClientRequest Deactivate = new() { IsActive = false };

    public Task<CerberusClient> GetAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(NewOrgRequest(HttpMethod.Get, $"{Collection}/{Uri.EscapeDataString(id)}"), PeerJsonContext.Default.CerberusClient, cancellationToken);

    public Task<CerberusCreatedClient> CreateAsync(CerberusCreateClientRequest body, CancellationToken cancellationToken = default)
    {
        var request = NewOrgRequest(HttpMethod.Post, Collection);
        request.Content = JsonContent.Create(body, PeerJsonContext.Default.CerberusCreateClientRequest);
        return SendAsync(request, PeerJsonContext.Default.CerberusCreatedClient, cancellationToken);
    }

    public Task EnableAsync(string id, CancellationToken cancellationToken = default) => SendAsync(NewUpdate(id, Activate), cancellationToken);

    public Task DisableAsync(string id, CancellationToken cancellationToken = default) => SendAsync(NewUpdate(id, Deactivate), cancellationToken);

    public Task RevokeTokensAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(NewOrgRequest(HttpMethod.Post, $"{Collection}/{Uri.EscapeDataString(id)}/revoke"), cancellationToken);

    public async Task<List<string>?> GetScopesAsync(string id, CancellationToken cancellationToken = default) =>
        (await GetAsync(id, cancellationToken).ConfigureAwait(false)).Scopes;

    public async Task<List<string>?> ReplaceScopesAsync(string id, IReadOnlyList<string> scopes, CancellationToken cancellationToken = default) =>
        (await SendAsync(NewUpdate(id, new CerberusUpdateClientRequest { Scopes = scopes }), PeerJsonContext.Default.CerberusClient, cancellationToken).ConfigureAwait(false)).Scopes;

    /// <summary>Every client: Cerberus documents no server-side paging, so one request.</summary>
    public async IAsyncEnumerable<CerberusClient> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var body = await SendAsync(NewOrgRequest(HttpMethod.Get, Collection), PeerJsonContext.Default.CerberusClientList, cancellationToken).ConfigureAwait(false);
        foreach (var client in body.Data)
        {
            yield return client;
        }
    }

    private HttpRequestMessage NewUpdate(string id, CerberusUpdateClientRequest body)
    {
        var request = NewOrgRequest(Patch, $"{Collection}/{Uri.EscapeDataString(id)}");
        request.Content = JsonContent.Create(body, PeerJsonContext.Default.CerberusUpdateClientRequest);
        return request;
    }

    private HttpRequestMessage NewOrgRequest(HttpMethod method, string uri)
    {
        var request = NewRequest(method, uri);
        request.Headers.Add("X-Org-Domain", organisation);
        return request;
    }
}
