using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Testing;
using Xunit;

namespace OAuthClients.Sdk.Tests.Testing;

/// <summary>
/// A client in login mode against the fake Cerberus, whose sessions end at their lifetime or after an idle gap on a
/// fake clock shared with the client: unattended use across expiries, one login for many callers, MFA accounts, logout.
/// </summary>
public sealed class CerberusLoginModeTests
{
    private const string LoginPath = "/v1/auth/login";

    private static CreateOAuthClientRequest NewClient => new() { Name = "App", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] };

    [Fact]
    public async Task Calls_AcrossTwoSessionExpiries_LogInExactlyOnceEach()
    {
        var time = new FakeTimeProvider();
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus, new FakeServerOptions { TimeProvider = time, SessionLifetime = TimeSpan.FromMinutes(10) });
        await using var host = new Host(server, time);
        var created = await host.Client.CreateAsync(NewClient);

        time.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(30));
        await host.Client.GetAsync(created.Client.Id);
        time.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(30));
        await host.Client.UpdateAsync(created.Client.Id, new UpdateOAuthClientRequest { Name = "Renamed" });

        Assert.Equal(3, Logins(server));
        Assert.Equal("Renamed", Assert.Single(server.Clients).Name);
    }

    [Fact]
    public async Task Calls_SessionEndedByTheServerFirst_LogInOnceAndReplay()
    {
        // The server's idle timeout is shorter than the client was told: the client learns it from the 401.
        var time = new FakeTimeProvider();
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus, new FakeServerOptions { TimeProvider = time, SessionIdleTimeout = TimeSpan.FromMinutes(5) });
        await using var host = new Host(server, time);
        var created = await host.Client.CreateAsync(NewClient);

        time.Advance(TimeSpan.FromMinutes(6));
        var rotated = await host.Client.RotateSecretAsync(created.Client.Id);

        Assert.Equal(server.CurrentSecret(created.Client.Id), rotated.Reveal());
        Assert.Equal(2, Logins(server));
        Assert.Equal(2, server.Requests.Count(r => r.Path.EndsWith("/rotate-secret", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Calls_AfterAnIdleGapLongerThanIdleTimeout_LogInBeforeSending()
    {
        var time = new FakeTimeProvider();
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus, new FakeServerOptions { TimeProvider = time, SessionIdleTimeout = TimeSpan.FromMinutes(5) });
        await using var host = new Host(server, time, o => o.Login!.IdleTimeout = TimeSpan.FromMinutes(5));
        await host.Client.WhoAmIAsync();

        time.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(30));
        await host.Client.WhoAmIAsync();

        Assert.Equal([LoginPath, "/v1/me/profile", LoginPath, "/v1/me/profile"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Calls_UsedWithinTheIdleTimeout_KeepTheSession()
    {
        var time = new FakeTimeProvider();
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus, new FakeServerOptions { TimeProvider = time });
        await using var host = new Host(server, time);

        for (var i = 0; i < 5; i++)
        {
            await host.Client.WhoAmIAsync();
            time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(1, Logins(server));
    }

    [Fact]
    public async Task Calls_64ConcurrentCallers_ShareOneLogin()
    {
        var time = new FakeTimeProvider();
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus, new FakeServerOptions { TimeProvider = time, SessionLifetime = TimeSpan.FromMinutes(10) });
        await using var host = new Host(server, time);

        var created = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => host.Client.CreateAsync(NewClient))));
        time.Advance(TimeSpan.FromMinutes(11));
        var fetched = await Task.WhenAll(created.Select(c => Task.Run(() => host.Client.GetAsync(c.Client.Id))));

        Assert.Equal(64, server.Clients.Count);
        Assert.Equal(created.Select(c => c.Client.Id), fetched.Select(c => c.Id));
        Assert.Equal(2, Logins(server));

        // The login's answer carries the first CSRF token (with its cookie): no write had to fetch one.
        Assert.DoesNotContain(server.Requests, r => r.Path == "/v1/me/profile");
    }

    [Fact]
    public async Task WhoAmIAsync_LoginMode_SaysWhoTheServiceAccountIs()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        await using var sut = new OAuthClientsClient(server.CreateLoginOptions());

        var identity = await sut.WhoAmIAsync();

        Assert.Equal("admin-bot@acme.test", identity.Email);
        Assert.Equal(FakeOAuthClientsServer.DefaultTenant, identity.Organisation);
        Assert.Equal(FakeAccount.AllClientPermissions, identity.Permissions);
        Assert.True(identity.CanReadClients);
        Assert.Contains("Permissions = [clients:read, clients:create", identity.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoAmIAsync_AccountWithoutClientsRead_SaysItCannotReadClients()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var account = new FakeAccount("auditor@acme.test", "pw-auditor") { Permissions = ["users:read"] };
        server.AddAccount(account);
        await using var sut = new OAuthClientsClient(server.CreateLoginOptions(account));

        var identity = await sut.WhoAmIAsync();

        Assert.False(identity.CanReadClients);
        var refused = await Assert.ThrowsAsync<OAuthClientsApiException>(async () => await sut.ListAsync().GetAsyncEnumerator().MoveNextAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Missing permission: clients:read", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ListAsync_MfaAccount_ThrowsTheMfaException(bool enrollment)
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var account = new FakeAccount("human@acme.test", "pw-human") { RequiresMfa = !enrollment, RequiresMfaEnrollment = enrollment };
        server.AddAccount(account);
        await using var sut = new OAuthClientsClient(server.CreateLoginOptions(account));

        var error = await Assert.ThrowsAsync<OAuthClientsMfaRequiredException>(() => sut.GetAsync("cli_1"));

        Assert.Equal(enrollment, error.RequiresEnrollment);
        Assert.DoesNotContain("pw-human", error.ToString(), StringComparison.Ordinal);
        Assert.Equal([LoginPath], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task GetAsync_BlockedAccount_SaysItIsBlocked()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var account = new FakeAccount("blocked@acme.test", "pw-blocked") { IsBlocked = true };
        server.AddAccount(account);
        await using var sut = new OAuthClientsClient(server.CreateLoginOptions(account));

        var error = await Assert.ThrowsAsync<OAuthClientsApiException>(() => sut.GetAsync("cli_1"));

        Assert.Contains("the account is blocked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_OwnedClient_LogsOutSoTheSessionNoLongerWorks()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        var sut = new OAuthClientsClient(server.CreateLoginOptions());
        await sut.WhoAmIAsync();

        await sut.DisposeAsync();

        Assert.Equal(("DELETE", "/v1/auth/session"), (server.Requests.Last().Method, server.Requests.Last().Path));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => sut.WhoAmIAsync());
    }

    [Fact]
    public async Task Dispose_ClientOverTheCallersHttpClient_LogsOutAndLeavesTheHttpClientUsable()
    {
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
        using var httpClient = new HttpClient();
        var sut = new OAuthClientsClient(httpClient, server.CreateLoginOptions());
        await sut.WhoAmIAsync();

        sut.Dispose();

        Assert.Single(server.Requests, r => r.Method == "DELETE" && r.Path == "/v1/auth/session");
        using var stillUsable = await httpClient.GetAsync(new Uri(server.BaseAddress, "v1/me/profile"));
        Assert.Equal(HttpStatusCode.Unauthorized, stillUsable.StatusCode);
    }

    [Fact]
    public async Task Dispose_ClientFromTheContainer_LeavesTheSharedSessionUntilTheContainerIsDisposed()
    {
        var time = new FakeTimeProvider();
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus, new FakeServerOptions { TimeProvider = time });
        var host = new Host(server, time);
        var first = host.Provider.GetRequiredService<OAuthClientsClient>();
        await first.WhoAmIAsync();

        first.Dispose();
        await host.Provider.GetRequiredService<OAuthClientsClient>().WhoAmIAsync();
        Assert.DoesNotContain(server.Requests, r => r.Method == "DELETE");

        await host.DisposeAsync();

        Assert.Equal(1, Logins(server));
        Assert.Single(server.Requests, r => r.Method == "DELETE" && r.Path == "/v1/auth/session");
    }

    [Fact]
    public async Task Login_MoreThan30AMinute_IsRateLimitedByTheFake()
    {
        var time = new FakeTimeProvider();
        using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus, new FakeServerOptions { TimeProvider = time });
        var clients = Enumerable.Range(0, 31).Select(_ => new OAuthClientsClient(With(server.CreateLoginOptions(), o => o.MaxRetries = 0))).ToList();

        for (var i = 0; i < 30; i++)
        {
            await clients[i].WhoAmIAsync();
        }

        var error = await Assert.ThrowsAsync<OAuthClientsRateLimitException>(() => clients[30].WhoAmIAsync());
        time.Advance(TimeSpan.FromMinutes(1));
        await clients[30].WhoAmIAsync();

        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    [Fact]
    public void FakeAccount_ToString_NamesTheAccountWithoutItsPassword()
    {
        var account = new FakeAccount("human@acme.test", "pw-never-printed") { RequiresMfa = true };

        Assert.Equal("FakeAccount { Email = human@acme.test, RequiresMfa = True, RequiresMfaEnrollment = False, IsBlocked = False, Permissions = [clients:read, clients:create, clients:update, clients:delete] }", account.ToString());
    }

    private static int Logins(FakeOAuthClientsServer server) => server.Requests.Count(r => r.Path == LoginPath);

    private static OAuthClientsOptions With(OAuthClientsOptions options, Action<OAuthClientsOptions> change)
    {
        change(options);
        return options;
    }

    /// <summary>The client as an app gets it (DI), on the fake's clock.</summary>
    private sealed class Host : IAsyncDisposable
    {
        public Host(FakeOAuthClientsServer server, TimeProvider time, Action<OAuthClientsOptions>? configure = null)
        {
            var login = server.CreateLoginOptions();
            var services = new ServiceCollection();
            services.AddSingleton(time);
            services.AddOAuthClientsSdk(o =>
            {
                o.Dialect = login.Dialect;
                o.BaseAddress = login.BaseAddress;
                o.Tenant = login.Tenant;
                o.SessionCookieName = login.SessionCookieName;
                o.Login = new LoginOptions { Email = login.Login!.Email, Password = login.Login.Password };
                configure?.Invoke(o);
            });
            Provider = services.BuildServiceProvider();
            Client = Provider.GetRequiredService<IOAuthClientsClient>();
        }

        public ServiceProvider Provider { get; }

        public IOAuthClientsClient Client { get; }

        public ValueTask DisposeAsync() => Provider.DisposeAsync();
    }
}
