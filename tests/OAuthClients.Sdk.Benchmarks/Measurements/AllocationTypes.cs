using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Benchmarks.Measurements;

/// <summary>
/// Which types the SDK allocates that the hand-written peer does not, per operation, in memory. The runtime raises a
/// <c>GCAllocationTick</c> event about every 100 KB allocated, naming the type of the object that crossed the
/// threshold; over many calls the bytes attributed to each type are proportional to what that type really costs.
/// An in-process <see cref="EventListener"/> collects them; the per-call figure is the sampled bytes of a type
/// divided by the number of calls (so small types are estimates, accurate to about ±100 KB / calls).
/// </summary>
public static class AllocationTypes
{
    public static async Task<string> RunAsync(int scale)
    {
        var text = new StringBuilder();
        text.AppendLine("Allocations by type (sampled GCAllocationTick, in memory), bytes per call: SDK against the hand-written peer. Types the peer also allocates in the same amount cancel out; the rows are sorted by the SDK's extra bytes.");
        using var listener = new AllocationListener();
        // Every operation of every benchmark class: the "{Operation}_Sdk" and "{Operation}_HandWritten" methods, in memory.
        foreach (var type in new[] { typeof(LumoAuthBenchmarks), typeof(LumoAuthClientsBenchmarks), typeof(CerberusBenchmarks) })
        {
            var benchmarks = (ClientBenchmarks)Activator.CreateInstance(type)!;
            benchmarks.Transport = Transport.InMemory;
            await benchmarks.SetupAsync().ConfigureAwait(false);
            var dialect = type.Name.Replace("Benchmarks", string.Empty, StringComparison.Ordinal);
            Func<Task> Call(string method)
            {
                var info = type.GetMethod(method) ?? throw new InvalidOperationException($"{type.Name}.{method} not found.");
                return () => (Task)info.Invoke(benchmarks, null)!;
            }

            var operations = type.GetMethods()
                .Where(m => m.Name.EndsWith("_Sdk", StringComparison.Ordinal))
                .Select(m => m.Name[..^4])
                .Select(name => (Name: name, Calls: name == "List1000" ? scale / 4 : 100 * scale, Sdk: Call(name + "_Sdk"), Peer: Call(name + "_HandWritten")))
                .ToArray();
            foreach (var (name, calls, sdk, peer) in operations)
            {
                var sdkTypes = await SampleAsync(listener, sdk, calls).ConfigureAwait(false);
                var peerTypes = await SampleAsync(listener, peer, calls).ConfigureAwait(false);
                text.AppendLine();
                text.AppendLine(CultureInfo.InvariantCulture, $"#### {dialect} {name} ({calls:N0} calls each; total sampled: SDK {sdkTypes.Values.Sum():N0} B/call, hand-written {peerTypes.Values.Sum():N0} B/call)");
                text.AppendLine();
                text.AppendLine("| Type | SDK B/call | Hand-written B/call | SDK extra |");
                text.AppendLine("|---|--:|--:|--:|");
                foreach (var row in sdkTypes.Keys.Union(peerTypes.Keys)
                    .Select(t => (Type: t, Sdk: sdkTypes.GetValueOrDefault(t), Peer: peerTypes.GetValueOrDefault(t)))
                    .Where(t => Math.Abs(t.Sdk - t.Peer) >= (name.StartsWith("List", StringComparison.Ordinal) ? 2000 : 16))
                    .OrderByDescending(t => t.Sdk - t.Peer)
                    .Take(14))
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"| `{row.Type}` | {row.Sdk:N0} | {row.Peer:N0} | {row.Sdk - row.Peer:+#,0;-#,0;0} |");
                }
            }

            benchmarks.Cleanup();
        }

        return text.ToString();
    }

    private static async Task<Dictionary<string, double>> SampleAsync(AllocationListener listener, Func<Task> call, int calls)
    {
        for (var i = 0; i < Math.Min(calls, 2000); i++)
        {
            await call().ConfigureAwait(false);
        }

        await listener.SettleAsync().ConfigureAwait(false);
        listener.Reset();
        for (var i = 0; i < calls; i++)
        {
            await call().ConfigureAwait(false);
        }

        await listener.SettleAsync().ConfigureAwait(false);
        return listener.Snapshot().ToDictionary(pair => pair.Key, pair => (double)pair.Value / calls);
    }

    private sealed class AllocationListener : EventListener
    {
        private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
        private long _events;

        public void Reset() => _bytes.Clear();

        public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_bytes);

        /// <summary>Waits until the runtime's event dispatch has caught up (no new event for a while).</summary>
        public async Task SettleAsync()
        {
            var last = -1L;
            while (Interlocked.Read(ref _events) != last)
            {
                last = Interlocked.Read(ref _events);
                await Task.Delay(1500).ConfigureAwait(false);
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                // 0x1: GC keyword; AllocationTick is raised at verbose level.
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is null || eventData.Payload is null)
            {
                return;
            }

            var type = eventData.PayloadNames.IndexOf("TypeName");
            var amount = eventData.PayloadNames.IndexOf("AllocationAmount64");
            if (type < 0 || amount < 0)
            {
                return;
            }

            Interlocked.Increment(ref _events);
            _bytes.AddOrUpdate(eventData.Payload[type] as string ?? "?", Convert.ToInt64(eventData.Payload[amount], CultureInfo.InvariantCulture), (_, total) => total + Convert.ToInt64(eventData.Payload[amount], CultureInfo.InvariantCulture));
        }
    }
}
