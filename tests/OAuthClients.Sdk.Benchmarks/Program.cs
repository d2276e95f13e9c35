using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using OAuthClients.Sdk.Benchmarks.Fakes;
using OAuthClients.Sdk.Benchmarks.Measurements;

namespace OAuthClients.Sdk.Benchmarks;

/// <summary>
/// The benchmark executable (always run with <c>-c Release</c>):
/// <list type="bullet">
/// <item>no arguments: the full BenchmarkDotNet run (about 10 minutes), then the budget table;</item>
/// <item><c>--smoke</c>: one cold invocation of every benchmark (with each implementation's answers verified), a small
/// streaming and concurrency run; under a minute;</item>
/// <item><c>--quick</c>: every benchmark with fewer, shorter iterations (exact allocations, noisier times); a few minutes;</item>
/// <item><c>--streaming [small] [large]</c>: peak managed memory of listing 1,000 vs 100,000 clients;</item>
/// <item><c>--concurrency [requests] [in-flight]</c>: 1,000 requests with 64 in flight against a loopback server;</item>
/// <item><c>--profile [iterations]</c>: where the SDK's time and allocations go, piece by piece, in memory;</item>
/// <item><c>--alloc-types [scale]</c>: bytes per call by allocated type, SDK against the hand-written peer (sampled);</item>
/// <item><c>--transport InMemory|Loopback</c> (with the full or smoke run): only that transport;</item>
/// <item>anything else (e.g. <c>--filter *Get*</c>) is passed to BenchmarkDotNet with the full job.</item>
/// </list>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "--serve":
                return await ServerProcess.ServeAsync(args[1..]).ConfigureAwait(false);
            case "--streaming":
                Console.WriteLine(await StreamingMeasurement.RunAsync(Number(args, 1, 1_000), Number(args, 2, 100_000)).ConfigureAwait(false));
                return 0;
            case "--concurrency":
                Console.WriteLine(await ConcurrencyMeasurement.RunAsync(Number(args, 1, 1_000), Number(args, 2, 64)).ConfigureAwait(false));
                return 0;
            case "--profile":
                Console.WriteLine(await AllocationProfile.RunAsync(Number(args, 1, 20_000)).ConfigureAwait(false));
                return 0;
            case "--alloc-types":
                Console.WriteLine(await AllocationTypes.RunAsync(Number(args, 1, 2_000)).ConfigureAwait(false));
                return 0;
            case "--smoke":
                return await SmokeAsync(args[1..]).ConfigureAwait(false);
            case "--quick":
                return RunBenchmarks(args[1..], BenchmarkConfigs.Quick(), smoke: false);
            default:
                return RunBenchmarks(args, BenchmarkConfigs.Full(), smoke: false);
        }
    }

    private static async Task<int> SmokeAsync(string[] args)
    {
        var status = RunBenchmarks(args, BenchmarkConfigs.Smoke(), smoke: true);
        Console.WriteLine(await StreamingMeasurement.RunAsync(1_000, 5_000).ConfigureAwait(false));
        Console.WriteLine(await ConcurrencyMeasurement.RunAsync(200, 16).ConfigureAwait(false));
        return status;
    }

    private static int RunBenchmarks(string[] args, BenchmarkDotNet.Configs.IConfig config, bool smoke)
    {
        var transport = Array.IndexOf(args, "--transport");
        if (transport >= 0)
        {
            ClientBenchmarks.SelectedTransports = [Enum.Parse<Transport>(args[transport + 1], ignoreCase: true)];
            args = [.. args[..transport], .. args[(transport + 2)..]];
        }

        // Without a filter BenchmarkDotNet asks interactively which benchmarks to run: run them all.
        var arguments = args.Contains("--filter") ? args : [.. args, "--filter", "*"];
        var summaries = BenchmarkSwitcher
            .FromTypes([typeof(LumoAuthBenchmarks), typeof(LumoAuthClientsBenchmarks), typeof(CerberusBenchmarks)])
            .Run(arguments, config)
            .ToList();
        Console.WriteLine(BudgetReport.Write(summaries, smoke));
        var failed = summaries.SelectMany(s => s.Reports).Count(r => !r.Success) + summaries.Count(s => s.HasCriticalValidationErrors);
        if (summaries.Count == 0 || failed > 0)
        {
            Console.Error.WriteLine($"{failed} benchmark(s) failed or did not run.");
            return 1;
        }

        return 0;
    }

    private static int Number(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], NumberStyles.None, CultureInfo.InvariantCulture) : fallback;
}
