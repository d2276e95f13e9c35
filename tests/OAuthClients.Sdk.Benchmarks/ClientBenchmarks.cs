using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OAuthClients.Sdk.Benchmarks.Fakes;
using OAuthClients.Sdk.Benchmarks.Peers;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Benchmarks;

/// <summary>
/// Every operation of one admin API through the SDK and the hand-written peer (and, for get, create and list on the
/// two first-release APIs, Refit). Within each category (the operation) and transport, the hand-written HttpClient
/// peer is the baseline of BenchmarkDotNet's ratio columns; the other ratios are computed after the run (see
/// <see cref="BudgetReport"/>). Each one-client call asks for the same canned client, so the bodies are the same for
/// every implementation.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
public abstract class ClientBenchmarks
{
    /// <summary>Gets or sets the transports to run (<c>--transport InMemory</c> or <c>Loopback</c>); both by default.</summary>
    public static IReadOnlyList<Transport> SelectedTransports { get; set; } = [Transport.InMemory, Transport.Loopback];

    [ParamsSource(nameof(Transports))]
    public Transport Transport { get; set; }

    public static IEnumerable<Transport> Transports => SelectedTransports;

    protected Harness Harness { get; private set; } = null!;

    protected abstract Surface Surface { get; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        Harness = new Harness(Surface, Transport);
        await Harness.VerifyAsync().ConfigureAwait(false);
    }

    [GlobalCleanup]
    public void Cleanup() => Harness.Dispose();

    [Benchmark, BenchmarkCategory("Get")]
    public Task<OAuthClient> Get_Sdk() => Harness.Sdk.GetAsync(Harness.Id);

    [Benchmark, BenchmarkCategory("Create")]
    public async Task<string?> Create_Sdk() => (await Harness.Sdk.CreateAsync(Harness.SdkCreate).ConfigureAwait(false)).Secret?.Reveal();

    [Benchmark, BenchmarkCategory("List1000")]
    public Task<int> List1000_Sdk() => CountAsync(Harness.Sdk.ListAsync());

    [Benchmark, BenchmarkCategory("Enable")]
    public Task Enable_Sdk() => Harness.Sdk.EnableAsync(Harness.Id);

    [Benchmark, BenchmarkCategory("Disable")]
    public Task Disable_Sdk() => Harness.Sdk.DisableAsync(Harness.Id);

    [Benchmark, BenchmarkCategory("GetScopes")]
    public Task<IReadOnlyList<string>> GetScopes_Sdk() => Harness.Sdk.GetScopesAsync(Harness.Id);

    [Benchmark, BenchmarkCategory("ReplaceScopes")]
    public Task<IReadOnlyList<string>> ReplaceScopes_Sdk() => Harness.Sdk.ReplaceScopesAsync(Harness.Id, Payloads.Scopes);

    protected static async Task<int> CountAsync<T>(IAsyncEnumerable<T> clients)
    {
        var count = 0;
        await foreach (var client in clients.ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }
}

/// <summary>LumoAuth's <c>/admin/oauth-clients</c> (no token revocation endpoint: <c>RevokeTokensAsync</c> is refused before sending).</summary>
public class LumoAuthBenchmarks : ClientBenchmarks
{
    protected override Surface Surface => Surface.LumoAuth;

    private HandWrittenLumoAuthClient Peer => Harness.HandWrittenLumoAuth!;

    [Benchmark(Baseline = true), BenchmarkCategory("Get")]
    public Task<LumoClient> Get_HandWritten() => Peer.GetAsync(Harness.Id);

    [Benchmark, BenchmarkCategory("Get")]
    public Task<LumoClient> Get_Refit() => Harness.RefitLumoAuth!.GetAsync(Payloads.Tenant, Harness.Id);

    [Benchmark(Baseline = true), BenchmarkCategory("Create")]
    public async Task<string?> Create_HandWritten() => (await Peer.CreateAsync(Harness.PeerLumoAuthCreate).ConfigureAwait(false)).Secret;

    [Benchmark, BenchmarkCategory("Create")]
    public async Task<string?> Create_Refit() => (await Harness.RefitLumoAuth!.CreateAsync(Payloads.Tenant, Harness.PeerLumoAuthCreate).ConfigureAwait(false)).Secret;

    [Benchmark(Baseline = true), BenchmarkCategory("List1000")]
    public Task<int> List1000_HandWritten() => CountAsync(Peer.ListAsync());

    [Benchmark, BenchmarkCategory("List1000")]
    public Task<int> List1000_Refit() => CountAsync(Harness.RefitLumoAuth!.ListAllAsync(Payloads.Tenant));

    [Benchmark(Baseline = true), BenchmarkCategory("Enable")]
    public Task Enable_HandWritten() => Peer.EnableAsync(Harness.Id);

    [Benchmark(Baseline = true), BenchmarkCategory("Disable")]
    public Task Disable_HandWritten() => Peer.DisableAsync(Harness.Id);

    [Benchmark(Baseline = true), BenchmarkCategory("GetScopes")]
    public Task<List<string>?> GetScopes_HandWritten() => Peer.GetScopesAsync(Harness.Id);

    [Benchmark(Baseline = true), BenchmarkCategory("ReplaceScopes")]
    public Task<List<string>?> ReplaceScopes_HandWritten() => Peer.ReplaceScopesAsync(Harness.Id, Payloads.Scopes);
}

/// <summary>LumoAuth's current <c>/admin/clients</c> (<see cref="LumoAuthApi.Clients"/>).</summary>
public class LumoAuthClientsBenchmarks : ClientBenchmarks
{
    protected override Surface Surface => Surface.LumoAuthClients;

    private HandWrittenLumoAuthClientsClient Peer => Harness.HandWrittenLumoAuthClients!;

    [Benchmark(Baseline = true), BenchmarkCategory("Get")]
    public Task<LumoApiClient> Get_HandWritten() => Peer.GetAsync(Harness.Id);

    [Benchmark(Baseline = true), BenchmarkCategory("Create")]
    public async Task<string?> Create_HandWritten() => (await Peer.CreateAsync(Harness.PeerLumoAuthClientsCreate).ConfigureAwait(false)).Secret;

    [Benchmark(Baseline = true), BenchmarkCategory("List1000")]
    public Task<int> List1000_HandWritten() => CountAsync(Peer.ListAsync());

    [Benchmark(Baseline = true), BenchmarkCategory("Enable")]
    public Task Enable_HandWritten() => Peer.EnableAsync(Harness.Id);

    [Benchmark(Baseline = true), BenchmarkCategory("Disable")]
    public Task Disable_HandWritten() => Peer.DisableAsync(Harness.Id);

    [Benchmark, BenchmarkCategory("RevokeTokens")]
    public Task RevokeTokens_Sdk() => Harness.Sdk.RevokeTokensAsync(Harness.Id);

    [Benchmark(Baseline = true), BenchmarkCategory("RevokeTokens")]
    public Task RevokeTokens_HandWritten() => Peer.RevokeTokensAsync(Harness.Id);

    [Benchmark(Baseline = true), BenchmarkCategory("GetScopes")]
    public Task<List<string>> GetScopes_HandWritten() => Peer.GetScopesAsync(Harness.Id);

    [Benchmark(Baseline = true), BenchmarkCategory("ReplaceScopes")]
    public Task<List<string>> ReplaceScopes_HandWritten() => Peer.ReplaceScopesAsync(Harness.Id, Payloads.Scopes);
}

public class CerberusBenchmarks : ClientBenchmarks
{
    protected override Surface Surface => Surface.Cerberus;

    private HandWrittenCerberusClient Peer => Harness.HandWrittenCerberus!;

    [Benchmark(Baseline = true), BenchmarkCategory("Get")]
    public Task<CerberusClient> Get_HandWritten() => Peer.GetAsync(Harness.Id);

    [Benchmark, BenchmarkCategory("Get")]
    public Task<CerberusClient> Get_Refit() => Harness.RefitCerberus!.GetAsync(Harness.Id);

    [Benchmark(Baseline = true), BenchmarkCategory("Create")]
    public async Task<string?> Create_HandWritten() => (await Peer.CreateAsync(Harness.PeerCerberusCreate).ConfigureAwait(false)).ClientSecret;

    [Benchmark, BenchmarkCategory("Create")]
    public async Task<string?> Create_Refit() => (await Harness.RefitCerberus!.CreateAsync(Harness.PeerCerberusCreate).ConfigureAwait(false)).ClientSecret;

    [Benchmark(Baseline = true), BenchmarkCategory("List1000")]
    public Task<int> List1000_HandWritten() => CountAsync(Peer.ListAsync());

    [Benchmark, BenchmarkCategory("List1000")]
    public Task<int> List1000_Refit() => CountAsync(Harness.RefitCerberus!.ListAllAsync());

    [Benchmark(Baseline = true), BenchmarkCategory("Enable")]
    public Task Enable_HandWritten() => Peer.EnableAsync(Harness.Id);

    [Benchmark(Baseline = true), BenchmarkCategory("Disable")]
    public Task Disable_HandWritten() => Peer.DisableAsync(Harness.Id);

    [Benchmark, BenchmarkCategory("RevokeTokens")]
    public Task RevokeTokens_Sdk() => Harness.Sdk.RevokeTokensAsync(Harness.Id);

    [Benchmark(Baseline = true), BenchmarkCategory("RevokeTokens")]
    public Task RevokeTokens_HandWritten() => Peer.RevokeTokensAsync(Harness.Id);

    [Benchmark(Baseline = true), BenchmarkCategory("GetScopes")]
    public Task<List<string>?> GetScopes_HandWritten() => Peer.GetScopesAsync(Harness.Id);

    [Benchmark(Baseline = true), BenchmarkCategory("ReplaceScopes")]
    public Task<List<string>?> ReplaceScopes_HandWritten() => Peer.ReplaceScopesAsync(Harness.Id, Payloads.Scopes);
}
