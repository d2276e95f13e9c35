using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Testing;
using Xunit;

namespace OAuthClients.Sdk.Sync.Tests.Infrastructure;

/// <summary>A fake tenant of one provider (and API), its admin client, and a sync over it with a recording secret store.</summary>
public sealed class Tenant : IDisposable
{
    private Tenant(FakeOAuthClientsServer server, ClientsSyncOptions? options)
    {
        Server = server;
        Admin = new OAuthClientsClient(server.CreateOptions());
        Store = new RecordingStore();
        Sync = new ClientsSync(Admin, (options ?? new ClientsSyncOptions()) with { SecretStores = [Store] });
    }

    /// <summary>The providers (and LumoAuth's two admin APIs) every sync test runs against.</summary>
    public static TheoryData<string> Providers => ["LumoAuth", "LumoAuthClients", "Cerberus"];

    public FakeOAuthClientsServer Server { get; }

    public OAuthClientsClient Admin { get; }

    public RecordingStore Store { get; }

    public ClientsSync Sync { get; }

    public bool IsCerberus => Server.Dialect == OAuthDialect.Cerberus;

    public static Tenant Start(string provider, ClientsSyncOptions? options = null) => new(provider switch
    {
        "LumoAuth" => FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth),
        "LumoAuthClients" => FakeOAuthClientsServer.Start(LumoAuthApi.Clients),
        "Cerberus" => FakeOAuthClientsServer.Start(OAuthDialect.Cerberus),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
    }, options);

    /// <summary>A desired client every provider and API accepts.</summary>
    public static DesiredClient Client(string name, params string[] redirectUris) => new()
    {
        Name = name,
        RedirectUris = redirectUris.Length == 0 ? [$"https://{name.ToLowerInvariant().Replace(' ', '-')}.example.com/cb"] : redirectUris,
        AllowedScopes = ["openid", "profile"],
    };

    public static ClientsDocument Document(params DesiredClient[] clients) => new() { Clients = clients };

    public static ClientsDocument Numbered(int count) => Document([.. Enumerable.Range(0, count).Select(i => Client($"App {i:D4}"))]);

    public async Task<IReadOnlyList<OAuthClient>> ClientsAsync()
    {
        var clients = new List<OAuthClient>();
        await foreach (var client in Admin.ListAsync(new OAuthClientListOptions { FullClients = true }))
        {
            clients.Add(client);
        }

        return clients;
    }

    /// <summary>The writes the fake received (every request but reads and token requests).</summary>
    public int Writes => Server.Requests.Count(r => r.Method != "GET" && !r.Path.Contains("token", StringComparison.Ordinal));

    public void Dispose()
    {
        Server.Dispose();
    }
}
