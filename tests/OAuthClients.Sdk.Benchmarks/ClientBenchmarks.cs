using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OAuthClients.Sdk.Benchmarks.Fakes;
using OAuthClients.Sdk.Benchmarks.Peers;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Benchmarks;

/// <summary>
/// The same three operations through the three implementations. Within each category (Get, Create, List1000) and
/// transport, the hand-written HttpClient peer is the baseline of BenchmarkDotNet's ratio columns; the ratios against
/// Refit are computed after the run (see <see cref="BudgetReport"/>).
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

    protected abstract OAuthDialect Dialect { get; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        Harness = new Harness(Dialect, Transport);
        await Harness.VerifyAsync().ConfigureAwait(false);
    }

    [GlobalCleanup]
    public void Cleanup() => Harness.Dispose();

    [Benchmark, BenchmarkCategory("Get")]
    public Task<OAuthClient> Get_Sdk() => Harness.Sdk.GetAsync(Payloads.ClientId);

    [Benchmark, BenchmarkCategory("Create")]
    public async Task<string?> Create_Sdk() =>
        (await Harness.Sdk.CreateAsync(Dialect == OAuthDialect.LumoAuth ? Harness.SdkLumoAuthCreate : Harness.SdkCerberusCreate).ConfigureAwait(false)).Secret?.Reveal();

    [Benchmark, BenchmarkCategory("List1000")]
    public async Task<int> List1000_Sdk()
    {
        var count = 0;
        await foreach (var client in Harness.Sdk.ListAsync().ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }
}

public class LumoAuthBenchmarks : ClientBenchmarks
{
    protected override OAuthDialect Dialect => OAuthDialect.LumoAuth;

    [Benchmark(Baseline = true), BenchmarkCategory("Get")]
    public Task<LumoClient> Get_HandWritten() => Harness.HandWrittenLumoAuth!.GetAsync(Payloads.ClientId);

    [Benchmark, BenchmarkCategory("Get")]
    public Task<LumoClient> Get_Refit() => Harness.RefitLumoAuth!.GetAsync(Payloads.Tenant, Payloads.ClientId);

    [Benchmark(Baseline = true), BenchmarkCategory("Create")]
    public async Task<string?> Create_HandWritten() =>
        (await Harness.HandWrittenLumoAuth!.CreateAsync(Harness.PeerLumoAuthCreate).ConfigureAwait(false)).Secret;

    [Benchmark, BenchmarkCategory("Create")]
    public async Task<string?> Create_Refit() =>
        (await Harness.RefitLumoAuth!.CreateAsync(Payloads.Tenant, Harness.PeerLumoAuthCreate).ConfigureAwait(false)).Secret;

    [Benchmark(Baseline = true), BenchmarkCategory("List1000")]
    public async Task<int> List1000_HandWritten()
    {
        var count = 0;
        await foreach (var client in Harness.HandWrittenLumoAuth!.ListAsync().ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    [Benchmark, BenchmarkCategory("List1000")]
    public async Task<int> List1000_Refit()
    {
        var count = 0;
        await foreach (var client in Harness.RefitLumoAuth!.ListAllAsync(Payloads.Tenant).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }
}

public class CerberusBenchmarks : ClientBenchmarks
{
    protected override OAuthDialect Dialect => OAuthDialect.Cerberus;

    [Benchmark(Baseline = true), BenchmarkCategory("Get")]
    public Task<CerberusClient> Get_HandWritten() => Harness.HandWrittenCerberus!.GetAsync(Payloads.ClientId);

    [Benchmark, BenchmarkCategory("Get")]
    public Task<CerberusClient> Get_Refit() => Harness.RefitCerberus!.GetAsync(Payloads.ClientId);

    [Benchmark(Baseline = true), BenchmarkCategory("Create")]
    public async Task<string?> Create_HandWritten() =>
        (await Harness.HandWrittenCerberus!.CreateAsync(Harness.PeerCerberusCreate).ConfigureAwait(false)).ClientSecret;

    [Benchmark, BenchmarkCategory("Create")]
    public async Task<string?> Create_Refit() =>
        (await Harness.RefitCerberus!.CreateAsync(Harness.PeerCerberusCreate).ConfigureAwait(false)).ClientSecret;

    [Benchmark(Baseline = true), BenchmarkCategory("List1000")]
    public async Task<int> List1000_HandWritten()
    {
        var count = 0;
        await foreach (var client in Harness.HandWrittenCerberus!.ListAsync().ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    [Benchmark, BenchmarkCategory("List1000")]
    public async Task<int> List1000_Refit()
    {
        var count = 0;
        await foreach (var client in Harness.RefitCerberus!.ListAllAsync().ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }
}
