using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace OAuthClients.Sdk.Tests.Credentials;

/// <summary>A caller's <see cref="IOAuthClientsTokenProvider"/>, asked per attempt, in both dialects, through DI and without it.</summary>
public sealed class TokenProviderTests : IClassFixture<LoopbackServer>
{
    private const string LumoClient = "/t/acme/api/v1/admin/oauth-clients/c1";
    private const string CerberusClients = "/v1/admin/clients";
    private readonly LoopbackServer _server;

    public TokenProviderTests(LoopbackServer server)
    {
        _server = server;
        server.Server.Reset();
    }

    [Fact]
    public async Task AddOAuthClientsTokenProvider_ProviderType_IsResolvedOnceAndAskedBeforeEveryRequest()
    {
        _server.Server.Json("GET", LumoClient, 200, """{ "id": "c1", "name": "App" }""");
        var services = new ServiceCollection();
        services.AddSingleton(new TokenSequence("tok-1"));
        services.AddOAuthClientsSdk(Lumo).AddOAuthClientsTokenProvider<SequenceTokenProvider>();
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IOAuthClientsClient>().GetAsync("c1");
        await provider.GetRequiredService<IOAuthClientsClient>().GetAsync("c1");

        Assert.Equal(["Bearer tok-1", "Bearer tok-1"], Authorizations());
        Assert.Equal(2, provider.GetRequiredService<SequenceTokenProvider>().Calls.Count);
    }

    [Fact]
    public async Task AddOAuthClientsTokenProvider_TokenRefusedWith401_AsksAgainNamingTheRefusedTokenAndReplaysOnce()
    {
        _server.Server.Given(Request.Create().WithPath(LumoClient).UsingGet().WithHeader("Authorization", "Bearer tok-1")).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{ "error": true, "code": "invalid_token", "message": "expired" }"""));
        _server.Server.Json("GET", LumoClient, 200, """{ "id": "c1", "name": "App" }""");
        var services = new ServiceCollection();
        services.AddSingleton(new TokenSequence("tok-1", "tok-2"));
        services.AddOAuthClientsSdk(Lumo).AddOAuthClientsTokenProvider<SequenceTokenProvider>();
        await using var provider = services.BuildServiceProvider();

        var client = await provider.GetRequiredService<IOAuthClientsClient>().GetAsync("c1");

        Assert.Equal("App", client.Name);
        Assert.Equal(["Bearer tok-1", "Bearer tok-2"], Authorizations());
        Assert.Equal(["(none)", "tok-1"], provider.GetRequiredService<SequenceTokenProvider>().Calls);
    }

    [Fact]
    public async Task AddOAuthClientsTokenProvider_Delegate_GetsTheAppsServicesAndIsCalledPerRequest()
    {
        _server.Server.Json("GET", LumoClient, 200, """{ "id": "c1", "name": "App" }""");
        var services = new ServiceCollection();
        services.AddSingleton(new TokenSequence("tok-a", "tok-b"));
        services.AddOAuthClientsSdk(Lumo)
            .AddOAuthClientsTokenProvider((sp, cancellationToken) => new ValueTask<string>(sp.GetRequiredService<TokenSequence>().Next()));
        await using var provider = services.BuildServiceProvider();
        var sut = provider.GetRequiredService<IOAuthClientsClient>();

        await sut.GetAsync("c1");
        await sut.GetAsync("c1");

        Assert.Equal(["Bearer tok-a", "Bearer tok-b"], Authorizations());
    }

    [Fact]
    public async Task AddOAuthClientsTokenProvider_NamedCerberusClient_SendsTheTokenWithTheOrganisationAndNoCsrf()
    {
        _server.Server.Json("POST", CerberusClients, 201, """{ "id": "c1", "name": "App", "clientType": "public" }""");
        var services = new ServiceCollection();
        services.AddSingleton(new TokenSequence("tok-1"));
        services.AddOAuthClientsSdk("iam", o => { o.Dialect = OAuthDialect.Cerberus; o.BaseAddress = _server.BaseAddress; o.Tenant = "acme"; })
            .AddOAuthClientsTokenProvider<SequenceTokenProvider>();
        await using var provider = services.BuildServiceProvider();
        var sut = provider.GetRequiredService<IOAuthClientsClientFactory>().CreateClient("iam");

        await sut.CreateAsync(new() { Name = "App", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"], IsConfidential = false });

        var request = _server.SingleRequest();
        Assert.Equal("Bearer tok-1", LoopbackServer.Header(request, "Authorization"));
        Assert.Equal("acme", LoopbackServer.Header(request, "X-Org-Domain"));
        Assert.Null(LoopbackServer.Header(request, "X-CSRF-Token"));
        Assert.Null(LoopbackServer.Header(request, "Cookie"));
    }

    [Fact]
    public async Task Constructor_WithTokenProvider_SendsItsTokenWithoutDependencyInjection()
    {
        _server.Server.Json("GET", LumoClient, 200, """{ "id": "c1", "name": "App" }""");
        using var httpClient = new HttpClient();
        var tokens = new SequenceTokenProvider(new TokenSequence("tok-1"));
        var options = new OAuthClientsOptions { BaseAddress = _server.BaseAddress, Tenant = "acme" };

        await new OAuthClientsClient(httpClient, options, tokens).GetAsync("c1");

        Assert.Equal(["Bearer tok-1"], Authorizations());
    }

    [Theory]
    [InlineData("")]
    [InlineData("tok 1")]
    [InlineData("tok-1\r\nX-Evil: 1")]
    public async Task GetAsync_ProviderReturnsAMalformedToken_ThrowsWithoutSendingOrQuotingIt(string token)
    {
        using var httpClient = new HttpClient();
        var options = new OAuthClientsOptions { BaseAddress = _server.BaseAddress, Tenant = "acme" };
        var sut = new OAuthClientsClient(httpClient, options, new SequenceTokenProvider(new TokenSequence(token)));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sut.GetAsync("c1"));

        Assert.Contains("token provider returned a blank token", error.Message, StringComparison.Ordinal);
        Assert.True(token.Length == 0 || !error.Message.Contains(token, StringComparison.Ordinal), "the token is in the message");
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task AddOAuthClientsTokenProvider_WithAnApiKeyToo_FailsStartupValidation()
    {
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk(o => { Lumo(o); o.ApiKey = "sk_also"; })
            .AddOAuthClientsTokenProvider((_, _) => new ValueTask<string>("tok-1"));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("More than one LumoAuth credential is set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddOAuthClientsTokenProvider_OnlyForItsName_OtherNamesStillNeedACredential()
    {
        var services = new ServiceCollection();
        services.AddOAuthClientsSdk("with", Lumo).AddOAuthClientsTokenProvider((_, _) => new ValueTask<string>("tok-1"));
        services.AddOAuthClientsSdk("without", Lumo);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("the OAuthClients.Sdk client 'without': LumoAuth needs a credential: set ApiKey to an admin API key, or ClientCredentials to an admin client's ClientId and ClientSecret, or register a token provider with AddOAuthClientsTokenProvider.", Assert.Single(error.Failures));
    }

    [Fact]
    public void AddOAuthClientsTokenProvider_OnAnotherHttpClientsBuilder_Throws()
    {
        var builder = new ServiceCollection().AddHttpClient("payments");

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddOAuthClientsTokenProvider((_, _) => new ValueTask<string>("tok-1")));

        Assert.Contains("'payments'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_StaticApiKeyRefusedWith401_IsNotReplayed()
    {
        _server.Server.Json("GET", LumoClient, 401, """{ "error": true, "code": "invalid_token", "message": "revoked" }""");
        using var httpClient = new HttpClient();
        var sut = new OAuthClientsClient(httpClient, new OAuthClientsOptions { BaseAddress = _server.BaseAddress, Tenant = "acme", ApiKey = "sk_revoked" });

        await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.GetAsync("c1"));

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task ErrorMessage_QuotingEarlierTokens_MasksTheLast64TheProviderHandedOutAndNoOlder()
    {
        // Every request takes a new token; a server may still quote an old one. The 64 most recent are kept to be
        // masked (a bound, so that a client whose token changes on every request does not grow without end); the
        // 65th request's error quotes the first two tokens: the first has been forgotten, the second is still masked.
        _server.Server.Json("GET", LumoClient, 500, """{ "error": true, "code": "server_error", "message": "seen tok-001 and tok-002" }""");
        using var httpClient = new HttpClient();
        var options = new OAuthClientsOptions { BaseAddress = _server.BaseAddress, Tenant = "acme", MaxRetries = 0 };
        var sut = new OAuthClientsClient(httpClient, options, new NewTokenEveryCall());
        OAuthClientsApiException? error = null;

        for (var request = 1; request <= 65; request++)
        {
            error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.GetAsync("c1"));
        }

        Assert.Equal("Bearer tok-065", Authorizations()[^1]);
        Assert.EndsWith(": seen tok-001 and ****.", error!.Message, StringComparison.Ordinal);
    }

    private void Lumo(OAuthClientsOptions options)
    {
        options.BaseAddress = _server.BaseAddress;
        options.Tenant = "acme";
    }

    private string[] Authorizations() => _server.Requests.Select(r => LoopbackServer.Header(r, "Authorization") ?? "(none)").ToArray();

    /// <summary>The tokens a provider hands out, in order; the last one repeats.</summary>
    public sealed class TokenSequence(params string[] tokens)
    {
        private int _next;

        public string Next() => tokens[Math.Min(Interlocked.Increment(ref _next), tokens.Length) - 1];
    }

    /// <summary>Hands out a new token on every call: tok-001, tok-002, ...</summary>
    private sealed class NewTokenEveryCall : IOAuthClientsTokenProvider
    {
        private int _calls;

        public ValueTask<string> GetTokenAsync(string? refusedToken, CancellationToken cancellationToken) =>
            new($"tok-{Interlocked.Increment(ref _calls):000}");
    }

    /// <summary>Hands out a new token only when told the current one was refused, and records what it was told.</summary>
    public sealed class SequenceTokenProvider(TokenSequence tokens) : IOAuthClientsTokenProvider
    {
        private string? _current;

        /// <summary>Gets the refused token of each call, "(none)" for none.</summary>
        public ConcurrentQueue<string> Calls { get; } = new();

        public ValueTask<string> GetTokenAsync(string? refusedToken, CancellationToken cancellationToken)
        {
            Calls.Enqueue(refusedToken ?? "(none)");
            if (_current is null || _current == refusedToken)
            {
                _current = tokens.Next();
            }

            return new ValueTask<string>(_current);
        }
    }
}
