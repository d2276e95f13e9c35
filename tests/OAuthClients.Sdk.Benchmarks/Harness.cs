using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Benchmarks.Fakes;
using OAuthClients.Sdk.Benchmarks.Peers;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Benchmarks;

/// <summary>Where requests go: the in-memory canned handler, or a real server on loopback.</summary>
public enum Transport
{
    InMemory,
    Loopback,
}

/// <summary>
/// The implementations under test for one admin API (<see cref="Fakes.Surface"/>), over one shared handler: the SDK, the hand-written
/// <see cref="HttpClient"/> peer and the Refit peer. Each has its own <see cref="HttpClient"/>, configured as its
/// users would configure it; the handler (and so the transport cost) is the same for all three.
/// </summary>
public sealed class Harness : IDisposable
{
    private readonly HttpMessageHandler _handler;
    private readonly List<HttpClient> _clients = [];

    public Harness(Surface surface, Transport transport)
    {
        Surface = surface;
        Transport = transport;
        Uri baseAddress;
        if (transport == Transport.InMemory)
        {
            Canned = new CannedHandler(FakeApi.For(surface));
            _handler = Canned;
            baseAddress = new Uri(Dialect == OAuthDialect.LumoAuth ? "https://lumo.test/" : "https://cerberus.test/");
        }
        else
        {
            Server = ServerProcess.Start(surface);
            _handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            baseAddress = Server.BaseAddress;
        }

        // The SDK applies its own per-attempt timeout, and its DI registration turns HttpClient's off: do the same.
        Sdk = new OAuthClientsClient(NewHttpClient(baseAddress: null, Timeout.InfiniteTimeSpan), new OAuthClientsOptions
        {
            Dialect = Dialect,
            LumoAuthApi = surface.LumoAuthApi(),
            BaseAddress = baseAddress,
            Tenant = Payloads.Tenant,
            ApiKey = Payloads.ApiKey,
        });

        var handWrittenHttp = NewHttpClient(baseAddress, timeout: null);
        var refitHttp = NewHttpClient(baseAddress, timeout: null);
        refitHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Payloads.ApiKey);
        refitHttp.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        switch (surface)
        {
            case Surface.LumoAuth:
                HandWrittenLumoAuth = new HandWrittenLumoAuthClient(handWrittenHttp, Payloads.Tenant, Payloads.ApiKey);
                RefitLumoAuth = RefitPeers.Create<ILumoAuthApi>(refitHttp);
                break;
            case Surface.LumoAuthClients:
                HandWrittenLumoAuthClients = new HandWrittenLumoAuthClientsClient(handWrittenHttp, Payloads.Tenant, Payloads.ApiKey);
                break;
            default:
                refitHttp.DefaultRequestHeaders.Add("X-Org-Domain", Payloads.Tenant);
                HandWrittenCerberus = new HandWrittenCerberusClient(handWrittenHttp, Payloads.Tenant, Payloads.ApiKey);
                RefitCerberus = RefitPeers.Create<ICerberusApi>(refitHttp);
                break;
        }
    }

    public Surface Surface { get; }

    public OAuthDialect Dialect => Surface.Dialect();

    /// <summary>Gets the id that get and the other one-client operations ask for (any id is answered with the same body).</summary>
    public string Id => Surface == Surface.LumoAuthClients ? Payloads.LumoAuthClientsId : Payloads.ClientId;

    /// <summary>Gets the SDK's create request of this surface.</summary>
    public CreateOAuthClientRequest SdkCreate => Surface switch
    {
        Surface.LumoAuth => SdkLumoAuthCreate,
        Surface.LumoAuthClients => SdkLumoAuthClientsCreate,
        _ => SdkCerberusCreate,
    };

    public HandWrittenLumoAuthClientsClient? HandWrittenLumoAuthClients { get; }

    public Transport Transport { get; }

    public CannedHandler? Canned { get; }

    public ServerProcess? Server { get; }

    public OAuthClientsClient Sdk { get; }

    public HandWrittenLumoAuthClient? HandWrittenLumoAuth { get; }

    public ILumoAuthApi? RefitLumoAuth { get; }

    public HandWrittenCerberusClient? HandWrittenCerberus { get; }

    public ICerberusApi? RefitCerberus { get; }

    /// <summary>Gets the SDK's create request; the peers' requests below carry the same members.</summary>
    public static CreateOAuthClientRequest SdkLumoAuthCreate { get; } = new()
    {
        Name = "Backend Service",
        Description = "Server-side integration for the billing pipeline",
        RedirectUris = ["https://app.example.com/oauth/callback", "https://app.example.com/oauth/silent-renew"],
        IsConfidential = true,
        GrantTypes = ["authorization_code", "refresh_token"],
        AllowedScopes = ["openid", "profile", "email", "offline_access"],
        RequirePkce = true,
    };

    public static LumoCreateClientRequest PeerLumoAuthCreate { get; } = new()
    {
        Name = "Backend Service",
        Description = "Server-side integration for the billing pipeline",
        RedirectUris = ["https://app.example.com/oauth/callback", "https://app.example.com/oauth/silent-renew"],
        IsConfidential = true,
        GrantTypes = ["authorization_code", "refresh_token"],
        AllowedScopes = ["openid", "profile", "email", "offline_access"],
        RequiresPkce = true,
    };

    /// <summary>Gets the SDK's create request for <c>/admin/clients</c>, whose client has no description.</summary>
    public static CreateOAuthClientRequest SdkLumoAuthClientsCreate { get; } = SdkLumoAuthCreate with { Description = null };

    public static LumoApiCreateClientRequest PeerLumoAuthClientsCreate { get; } = new()
    {
        Name = "Backend Service",
        RedirectUris = ["https://app.example.com/oauth/callback", "https://app.example.com/oauth/silent-renew"],
        IsConfidential = true,
        GrantTypes = ["authorization_code", "refresh_token"],
        AllowedScopes = ["openid", "profile", "email", "offline_access"],
        RequiresPkce = true,
    };

    public static CreateOAuthClientRequest SdkCerberusCreate { get; } = new()
    {
        Name = "Web Dashboard",
        Description = "Main web application dashboard",
        RedirectUris = ["https://app.example.com/callback"],
        AllowedOrigins = ["https://app.example.com"],
        IsConfidential = true,
        GrantTypes = ["authorization_code", "refresh_token"],
        AllowedScopes = ["openid", "profile", "email", "offline_access"],
        RequirePkce = false,
    };

    public static CerberusCreateClientRequest PeerCerberusCreate { get; } = new()
    {
        Name = "Web Dashboard",
        Description = "Main web application dashboard",
        ClientType = "confidential",
        RedirectUris = ["https://app.example.com/callback"],
        AllowedOrigins = ["https://app.example.com"],
        GrantTypes = ["authorization_code", "refresh_token"],
        Scopes = ["openid", "profile", "email", "offline_access"],
        RequirePkce = false,
    };

    /// <summary>
    /// Runs every operation of every implementation once and checks the answers (and, in memory, each request's
    /// route, credentials and headers), so that no benchmark measures a failure or a shortcut.
    /// </summary>
    public async Task VerifyAsync()
    {
        if (Canned is not null)
        {
            Canned.Strict = true;
        }

        try
        {
            var expectedSecret = Dialect == OAuthDialect.LumoAuth ? Payloads.LumoAuthSecret : Payloads.CerberusSecret;
            var expectedListRequests = Dialect == OAuthDialect.LumoAuth ? Payloads.ListCount / Payloads.LumoAuthPageSize : 1;
            var expectedId = Surface switch
            {
                Surface.LumoAuth => Payloads.ClientId,
                Surface.LumoAuthClients => Payloads.LumoAuthClientsId,
                _ => Payloads.CerberusFirstId,
            };
            var scopes = string.Join(" ", Payloads.Scopes);
            Expect("SDK get", (await Sdk.GetAsync(Id).ConfigureAwait(false)).Id, expectedId);
            Expect("SDK create", (await Sdk.CreateAsync(SdkCreate).ConfigureAwait(false)).Secret?.Reveal(), expectedSecret);
            await ExpectListAsync("SDK list", Sdk.ListAsync(), expectedListRequests).ConfigureAwait(false);
            await ExpectOneRequestAsync("SDK enable", () => Sdk.EnableAsync(Id)).ConfigureAwait(false);
            await ExpectOneRequestAsync("SDK disable", () => Sdk.DisableAsync(Id)).ConfigureAwait(false);
            Expect("SDK get scopes", string.Join(" ", await Sdk.GetScopesAsync(Id).ConfigureAwait(false)), scopes);
            Expect("SDK replace scopes", string.Join(" ", await Sdk.ReplaceScopesAsync(Id, Payloads.Scopes).ConfigureAwait(false)), scopes);
            switch (Surface)
            {
                case Surface.LumoAuth:
                    Expect("hand-written get", (await HandWrittenLumoAuth!.GetAsync(Id).ConfigureAwait(false)).Id, expectedId);
                    Expect("hand-written create", (await HandWrittenLumoAuth.CreateAsync(PeerLumoAuthCreate).ConfigureAwait(false)).Secret, expectedSecret);
                    await ExpectListAsync("hand-written list", HandWrittenLumoAuth.ListAsync(), expectedListRequests).ConfigureAwait(false);
                    await ExpectOneRequestAsync("hand-written enable", () => HandWrittenLumoAuth.EnableAsync(Id)).ConfigureAwait(false);
                    await ExpectOneRequestAsync("hand-written disable", () => HandWrittenLumoAuth.DisableAsync(Id)).ConfigureAwait(false);
                    Expect("hand-written get scopes", string.Join(" ", (await HandWrittenLumoAuth.GetScopesAsync(Id).ConfigureAwait(false))!), scopes);
                    Expect("hand-written replace scopes", string.Join(" ", (await HandWrittenLumoAuth.ReplaceScopesAsync(Id, Payloads.Scopes).ConfigureAwait(false))!), scopes);
                    Expect("Refit get", (await RefitLumoAuth!.GetAsync(Payloads.Tenant, Id).ConfigureAwait(false)).Id, expectedId);
                    Expect("Refit create", (await RefitLumoAuth.CreateAsync(Payloads.Tenant, PeerLumoAuthCreate).ConfigureAwait(false)).Secret, expectedSecret);
                    await ExpectListAsync("Refit list", RefitLumoAuth.ListAllAsync(Payloads.Tenant), expectedListRequests).ConfigureAwait(false);
                    break;
                case Surface.LumoAuthClients:
                    await ExpectOneRequestAsync("SDK revoke tokens", () => Sdk.RevokeTokensAsync(Id)).ConfigureAwait(false);
                    var peer = HandWrittenLumoAuthClients!;
                    Expect("hand-written get", (await peer.GetAsync(Id).ConfigureAwait(false)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture), expectedId);
                    Expect("hand-written create", (await peer.CreateAsync(PeerLumoAuthClientsCreate).ConfigureAwait(false)).Secret, expectedSecret);
                    await ExpectListAsync("hand-written list", peer.ListAsync(), expectedListRequests).ConfigureAwait(false);
                    await ExpectOneRequestAsync("hand-written enable", () => peer.EnableAsync(Id)).ConfigureAwait(false);
                    await ExpectOneRequestAsync("hand-written disable", () => peer.DisableAsync(Id)).ConfigureAwait(false);
                    await ExpectOneRequestAsync("hand-written revoke tokens", () => peer.RevokeTokensAsync(Id)).ConfigureAwait(false);
                    Expect("hand-written get scopes", string.Join(" ", await peer.GetScopesAsync(Id).ConfigureAwait(false)), scopes);
                    Expect("hand-written replace scopes", string.Join(" ", await peer.ReplaceScopesAsync(Id, Payloads.Scopes).ConfigureAwait(false)), scopes);
                    break;
                default:
                    await ExpectOneRequestAsync("SDK revoke tokens", () => Sdk.RevokeTokensAsync(Id)).ConfigureAwait(false);
                    Expect("hand-written get", (await HandWrittenCerberus!.GetAsync(Id).ConfigureAwait(false)).Id, expectedId);
                    Expect("hand-written create", (await HandWrittenCerberus.CreateAsync(PeerCerberusCreate).ConfigureAwait(false)).ClientSecret, expectedSecret);
                    await ExpectListAsync("hand-written list", HandWrittenCerberus.ListAsync(), expectedListRequests).ConfigureAwait(false);
                    await ExpectOneRequestAsync("hand-written enable", () => HandWrittenCerberus.EnableAsync(Id)).ConfigureAwait(false);
                    await ExpectOneRequestAsync("hand-written disable", () => HandWrittenCerberus.DisableAsync(Id)).ConfigureAwait(false);
                    await ExpectOneRequestAsync("hand-written revoke tokens", () => HandWrittenCerberus.RevokeTokensAsync(Id)).ConfigureAwait(false);
                    Expect("hand-written get scopes", string.Join(" ", (await HandWrittenCerberus.GetScopesAsync(Id).ConfigureAwait(false))!), scopes);
                    Expect("hand-written replace scopes", string.Join(" ", (await HandWrittenCerberus.ReplaceScopesAsync(Id, Payloads.Scopes).ConfigureAwait(false))!), scopes);
                    Expect("Refit get", (await RefitCerberus!.GetAsync(Id).ConfigureAwait(false)).Id, expectedId);
                    Expect("Refit create", (await RefitCerberus.CreateAsync(PeerCerberusCreate).ConfigureAwait(false)).ClientSecret, expectedSecret);
                    await ExpectListAsync("Refit list", RefitCerberus.ListAllAsync(), expectedListRequests).ConfigureAwait(false);
                    break;
            }
        }
        finally
        {
            if (Canned is not null)
            {
                Canned.Strict = false;
            }
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _handler.Dispose();
        Server?.Dispose();
    }

    private static void Expect(string what, string? actual, string expected)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"{what}: expected '{expected}', got '{actual}'.");
        }
    }

    private HttpClient NewHttpClient(Uri? baseAddress, TimeSpan? timeout)
    {
        var client = new HttpClient(_handler, disposeHandler: false) { BaseAddress = baseAddress };
        if (timeout is { } value)
        {
            client.Timeout = value;
        }

        _clients.Add(client);
        return client;
    }

    private async Task ExpectListAsync<T>(string what, IAsyncEnumerable<T> clients, int expectedRequests)
    {
        var before = RequestCount();
        var count = 0;
        await foreach (var client in clients.ConfigureAwait(false))
        {
            count++;
        }

        if (count != Payloads.ListCount)
        {
            throw new InvalidOperationException($"{what}: expected {Payloads.ListCount} clients, got {count}.");
        }

        var requests = RequestCount() - before;
        if (requests != expectedRequests)
        {
            throw new InvalidOperationException($"{what}: expected {expectedRequests} request(s), made {requests}.");
        }
    }

    private async Task ExpectOneRequestAsync(string what, Func<Task> call)
    {
        var before = RequestCount();
        await call().ConfigureAwait(false);
        var requests = RequestCount() - before;
        if (requests != 1)
        {
            throw new InvalidOperationException($"{what}: expected 1 request, made {requests}.");
        }
    }

    private long RequestCount() => Canned?.Requests ?? Server!.Stats().Requests;
}
