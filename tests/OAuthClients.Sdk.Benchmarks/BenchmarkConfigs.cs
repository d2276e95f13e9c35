using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace OAuthClients.Sdk.Benchmarks;

/// <summary>
/// The jobs. Both run in process (no generated project is built, so a run does not rebuild the SDK while it is being
/// edited, and starts at once); the loopback server runs in a child process either way.
/// </summary>
public static class BenchmarkConfigs
{
    /// <summary>
    /// The measured run: 4 warm-up and 15 measured iterations of about 0.5 s each (BenchmarkDotNet picks the number of
    /// invocations per iteration), which keeps all 36 cases to about 10 minutes on 2 cores.
    /// </summary>
    public static IConfig Full() => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(4)
            .WithIterationCount(15)
            .WithId("Full"));

    /// <summary>
    /// The quick run (<c>--quick</c>): 2 warm-up and 6 measured iterations of about 0.25 s, for every case in a few
    /// minutes. Allocated bytes per call are as exact as in the full run; times are noisier (see the standard errors).
    /// </summary>
    public static IConfig Quick() => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(2)
            .WithIterationCount(6)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250))
            .WithId("Quick"));

    /// <summary>The smoke run: one cold invocation of each case; it shows that everything runs and verifies, not how fast.</summary>
    public static IConfig Smoke() => DefaultConfig.Instance
        .AddJob(Job.Dry
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Smoke"));
}
