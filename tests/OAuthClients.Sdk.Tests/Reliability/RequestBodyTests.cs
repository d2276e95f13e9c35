using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Reliability;

/// <summary>
/// Request bodies are serialized for each attempt into a pooled buffer: sent whole with their Content-Length however
/// long they are, and cleared before the buffer goes back to the pool.
/// </summary>
public sealed class RequestBodyTests
{
    private const string Marker = "REQMARK4Z";

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(400)]
    public async Task CreateAsync_BodyOfAnyLength_IsSentWholeWithItsContentLengthAndClearedFromThePool(int uris)
    {
        // One URI fits the first buffer (512 bytes); 40 and 400 make it grow once and several times.
        var redirectUris = Enumerable.Range(0, uris).Select(i => $"https://app{i}.example.com/{Marker}/cb").ToList();
        var sent = new System.Collections.Generic.List<(string Body, long? Length)>();
        using var handler = new ScriptedHandler(async (request, _) =>
        {
            var body = await request.Content!.ReadAsStringAsync();
            sent.Add((body, request.Content.Headers.ContentLength));
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("""{ "id": "c1", "name": "App", "secret": "cs_test_body" }""") };
        });
        var sut = new OAuthClientsClient(new HttpClient(handler), new OAuthClientsOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:1/"),
            Tenant = "acme",
            ApiKey = "sk_test_body",
            MaxRetries = 0,
        });
        PooledBytes.Prime();

        await sut.CreateAsync(new CreateOAuthClientRequest { Name = $"App {Marker}", RedirectUris = redirectUris, AllowedScopes = ["openid"] });

        var (body, length) = Assert.Single(sent);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), length);
        var json = JsonNode.Parse(body)!;
        Assert.Equal($"App {Marker}", (string?)json["name"]);
        Assert.Equal(redirectUris, json["redirectUris"]!.AsArray().Select(uri => (string?)uri));
        Assert.False(PooledBytes.Contain(Marker), "a request buffer went back to the pool holding the body");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    public async Task CreateAsync_RequestBuffers_GoBackToThePool(int uris)
    {
        // An array of each size the body may pass through waits in this thread's slot of the pool (a call through an
        // in-process handler runs on this thread): the request rents them (one URI: 512 bytes; 40 grow the buffer
        // beyond 1 KiB), and each must come back.
        var redirectUris = Enumerable.Range(0, uris).Select(i => $"https://app{i}.example.com/cb").ToList();
        using var handler = new ScriptedHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("""{ "id": "c1", "name": "App", "secret": "cs_test_body" }""") }));
        var sut = new OAuthClientsClient(new HttpClient(handler), new OAuthClientsOptions { BaseAddress = new Uri("http://127.0.0.1:1/"), Tenant = "acme", ApiKey = "sk_test_body", MaxRetries = 0 });
        int[] sizes = [512, 1024, 2048, 4096];
        var waiting = sizes.Select(size => System.Buffers.ArrayPool<byte>.Shared.Rent(size)).ToArray();
        foreach (var array in waiting)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(array);
        }

        await sut.CreateAsync(new CreateOAuthClientRequest { Name = "App", RedirectUris = redirectUris, AllowedScopes = ["openid"] });

        var back = sizes.Select(size => System.Buffers.ArrayPool<byte>.Shared.Rent(size)).ToArray();
        Assert.All(sizes.Select((size, i) => (size, i)), each => Assert.True(ReferenceEquals(waiting[each.i], back[each.i]), $"the {each.size}-byte array did not come back"));
        foreach (var array in back)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(array);
        }
    }
}
