using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Benchmarks.Fakes;
using OAuthClients.Sdk.Benchmarks.Peers;

namespace OAuthClients.Sdk.Benchmarks.Measurements;

/// <summary>
/// Issue 7, item 4: one SDK client (with the HttpClient and SocketsHttpHandler it makes itself), N GET requests with
/// M in flight, against the loopback server in a child process. Reports requests per second and latency; the
/// connections the server accepted and the most it had open at once; TIME_WAIT sockets to the server's port
/// afterwards; and, sampled every 5 ms from a dedicated thread, the thread pool's thread count and queue length and
/// how late a work item queued every 10 ms started (starvation shows as growing delays and thread injection).
/// The hand-written peer runs the same load for comparison.
/// </summary>
public static class ConcurrencyMeasurement
{
    /// <summary>Runs <paramref name="requests"/> requests, then a sustained run of 20 times as many (long enough for the pool samples to mean something).</summary>
    public static async Task<string> RunAsync(int requests, int inFlight)
    {
        var text = new StringBuilder();
        ThreadPool.GetMinThreads(out var minWorkers, out _);
        text.AppendLine(CultureInfo.InvariantCulture, $"Concurrency: GET requests, {inFlight} in flight, one client, loopback Kestrel server in a child process (a new one per row). Processors: {Environment.ProcessorCount}; thread pool minimum: {minWorkers} worker threads.");
        text.AppendLine();
        text.AppendLine("| Dialect | Client | Requests | Errors | Wall time | Requests/s | p50 | p99 | max | Connections accepted | Max open | TIME_WAIT after | Pool threads (start → max) | Max queued work items | Max work-item delay |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var count in new[] { requests, requests * 20 })
        {
            foreach (var surface in new[] { Surface.LumoAuth, Surface.Cerberus })
            {
                foreach (var peer in new[] { false, true })
                {
                    var row = await MeasureAsync(surface, peer, count, inFlight).ConfigureAwait(false);
                    text.AppendLine(row);
                }
            }
        }

        return text.ToString();
    }

    private static async Task<string> MeasureAsync(Surface surface, bool peer, int requests, int inFlight)
    {
        var dialect = surface.Dialect();
        using var server = ServerProcess.Start(surface);
        using var peerHandler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var peerHttp = new HttpClient(peerHandler, disposeHandler: false) { BaseAddress = server.BaseAddress };
        var sdk = new OAuthClientsClient(new OAuthClientsOptions
        {
            Dialect = dialect,
            BaseAddress = server.BaseAddress,
            Tenant = Payloads.Tenant,
            ApiKey = Payloads.ApiKey,
        });
        var lumo = new HandWrittenLumoAuthClient(peerHttp, Payloads.Tenant, Payloads.ApiKey);
        var cerberus = new HandWrittenCerberusClient(peerHttp, Payloads.Tenant, Payloads.ApiKey);
        Task Call() => peer
            ? dialect == OAuthDialect.LumoAuth ? lumo.GetAsync(Payloads.ClientId) : cerberus.GetAsync(Payloads.ClientId)
            : sdk.GetAsync(Payloads.ClientId);

        // Warm-up, one at a time (JIT and one connection), then count from zero.
        for (var i = 0; i < 20; i++)
        {
            await Call().ConfigureAwait(false);
        }

        server.Reset();
        using var monitor = new PoolMonitor();
        var latencies = new double[requests];
        var errors = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await Call().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpRequestException or TimeoutException or IOException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));

        // Bounded in time: a run that takes longer than two minutes fails instead of hanging.
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        clock.Stop();
        monitor.Stop();
        var stats = server.Stats();
        Array.Sort(latencies);
        var timeWait = CountTimeWait(server.BaseAddress.Port);
        return FormattableString.Invariant(
            $"| {dialect} | {(peer ? "hand-written" : "SDK")} | {requests:N0} | {errors} | {clock.Elapsed.TotalMilliseconds:0} ms | {requests / clock.Elapsed.TotalSeconds:N0} ")
            + FormattableString.Invariant(
            $"| {Percentile(latencies, 0.50):0.00} ms | {Percentile(latencies, 0.99):0.00} ms | {latencies[^1]:0.00} ms | {stats.AcceptedConnections} | {stats.MaxOpenConnections} | {timeWait} ")
            + FormattableString.Invariant(
            $"| {monitor.StartThreads} → {monitor.MaxThreads} | {monitor.MaxQueued} | {monitor.MaxDelayMs:0.0} ms |");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>Sockets in TIME_WAIT (state 06) from or to <paramref name="port"/>, from /proc/net/tcp; "n/a" off Linux.</summary>
    private static string CountTimeWait(int port)
    {
        if (!File.Exists("/proc/net/tcp"))
        {
            return "n/a";
        }

        var hexPort = port.ToString("X4", CultureInfo.InvariantCulture);
        var count = 0;
        foreach (var file in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
        {
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 3 && parts[3] == "06" && (parts[1].EndsWith(":" + hexPort, StringComparison.Ordinal) || parts[2].EndsWith(":" + hexPort, StringComparison.Ordinal)))
                {
                    count++;
                }
            }
        }

        return count.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Samples the thread pool from a dedicated thread, and how late a work item queued every 10 ms starts.</summary>
    private sealed class PoolMonitor : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _maxDelayTicks;

        public PoolMonitor()
        {
            StartThreads = ThreadPool.ThreadCount;
            MaxThreads = StartThreads;
            _thread = new Thread(Sample) { IsBackground = true, Name = "pool monitor" };
            _thread.Start();
        }

        public int StartThreads { get; }

        public int MaxThreads { get; private set; }

        public long MaxQueued { get; private set; }

        public double MaxDelayMs => Interlocked.Read(ref _maxDelayTicks) * 1000.0 / Stopwatch.Frequency;

        public void Stop()
        {
            _stop = true;
            _thread.Join();
        }

        public void Dispose() => Stop();

        private void Sample()
        {
            var lastProbe = 0L;
            while (!_stop)
            {
                MaxThreads = Math.Max(MaxThreads, ThreadPool.ThreadCount);
                MaxQueued = Math.Max(MaxQueued, ThreadPool.PendingWorkItemCount);
                var now = Stopwatch.GetTimestamp();
                if (Stopwatch.GetElapsedTime(lastProbe, now).TotalMilliseconds >= 10)
                {
                    lastProbe = now;
                    ThreadPool.UnsafeQueueUserWorkItem(
                        static state =>
                        {
                            var (monitor, queued) = state;
                            var delay = Stopwatch.GetTimestamp() - queued;
                            long seen;
                            while (delay > (seen = Interlocked.Read(ref monitor._maxDelayTicks)) && Interlocked.CompareExchange(ref monitor._maxDelayTicks, delay, seen) != seen)
                            {
                            }
                        },
                        (this, now),
                        preferLocal: false);
                }

                Thread.Sleep(5);
            }
        }
    }
}
