using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using Xunit;

namespace OAuthClients.Sdk.Tests.LumoAuthClients;

/// <summary>
/// <see cref="OAuthClientListOptions.FullClients"/> fetches summaries at most <see cref="OAuthClientListOptions.MaxConcurrency"/>
/// at a time. The handler holds every detail request until as many as the limit are waiting (or all that remain), so
/// the fetches overlap as much as the SDK lets them, and records the most it ever held at once. No clock is involved.
/// </summary>
public sealed class FullClientsConcurrencyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task ListAsync_FullClients_NeverFetchesMoreThanMaxConcurrencyAtOnce(int maxConcurrency)
    {
        const int Total = 7;
        var handler = new GatedHandler(maxConcurrency, Total);
        using var http = new HttpClient(handler);
        var sut = new OAuthClientsClient(http, new OAuthClientsOptions
        {
            LumoAuthApi = LumoAuthApi.Clients,
            BaseAddress = new Uri("http://127.0.0.1:1/"),
            Tenant = "acme",
            ApiKey = "lmk_test_key",
            MaxRetries = 0,
        });

        // The wait bound only turns a hang (fewer fetches at once than allowed never fill the gate) into a failure.
        var clients = await sut.ListAsync(new OAuthClientListOptions { FullClients = true, MaxConcurrency = maxConcurrency }).ToListAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(Enumerable.Range(1, Total).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), clients.Select(c => c.Id));
        Assert.All(clients, c => Assert.False(c.IsSummary));
        Assert.Equal(maxConcurrency, handler.MostAtOnce);
    }

    private sealed class GatedHandler(int limit, int total) : HttpMessageHandler
    {
        private readonly object _gate = new();
        private readonly List<TaskCompletionSource> _held = [];
        private int _served;

        public int MostAtOnce { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var id = request.RequestUri!.Segments[^1];
            if (id == "clients")
            {
                var items = string.Join(",", Enumerable.Range(1, total).Select(i => $$"""{ "id": {{i}}, "clientId": "c{{i}}", "name": "n{{i}}" }"""));
                return Json($$"""{ "data": [{{items}}], "meta": { "page": 1, "limit": 100, "totalPages": 1, "hasNextPage": false } }""");
            }

            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _held.Add(release);
                MostAtOnce = Math.Max(MostAtOnce, _held.Count + InFlightReleased);
                ReleaseWhenFull();
            }

            await release.Task;
            lock (_gate)
            {
                _served++;
                InFlightReleased--;
                ReleaseWhenFull();
            }

            return Json($$"""{ "data": { "id": {{id}}, "clientId": "c{{id}}", "name": "n{{id}}", "redirectUris": [], "scopes": [], "grantTypes": [] } }""");
        }

        private int InFlightReleased { get; set; }

        private void ReleaseWhenFull()
        {
            if (_held.Count > 0 && (_held.Count >= limit || _held.Count + InFlightReleased >= total - _served))
            {
                InFlightReleased += _held.Count;
                _held.ForEach(h => h.SetResult());
                _held.Clear();
            }
        }

        private static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
