using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Benchmarks.Fakes;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Benchmarks.Measurements;

/// <summary>
/// Issues 7 and 16: listing N clients keeps memory flat as N grows, for every list shape: LumoAuth's pages of both
/// APIs, Cerberus' generic pages, and Cerberus' documented single unpaged body. The SDK enumerates N clients from an
/// in-memory fake (pages of 100, each built when it is asked for; the unpaged body made as it is read, see
/// <see cref="UnpagedListStream"/>), so the fake holds nothing. Method:
/// before enumerating, two forced collections and <c>GC.GetTotalMemory(true)</c> give the live baseline; during the
/// enumeration, at the same item positions in every run (every 50th item up to 1,000, then every 500th), the
/// live managed heap is sampled again after a forced full collection; the peak growth is the largest sample minus
/// the baseline. This counts what stays reachable (buffers, pages, models held by the enumerator), not garbage
/// that the next collection would free. A control run that keeps every client in a list shows the method detects growth.
/// </summary>
public static class StreamingMeasurement
{
    private const int PageSize = 100;

    public static async Task<string> RunAsync(int small, int large)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Streaming: enumerate N clients through the SDK's ListAsync, pages of {PageSize} or one unpaged body, in-memory fake.");
        text.AppendLine();
        text.AppendLine("| List shape | Consumer | N | Pages | Samples | Live baseline | Peak live growth | Growth ratio (large/small) | Client allocations per client | Time |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var shape in new[] { Shape.LumoAuthPages, Shape.LumoAuthClientsPages, Shape.CerberusPages, Shape.CerberusUnpaged })
        {
            foreach (var keepAll in new[] { false, true })
            {
                // Warm up (JIT, pools) on a small run first.
                await MeasureAsync(shape, Math.Min(small, 500), keepAll).ConfigureAwait(false);
                var first = await MeasureAsync(shape, small, keepAll).ConfigureAwait(false);
                var second = await MeasureAsync(shape, large, keepAll).ConfigureAwait(false);
                var ratio = (double)Math.Max(second.PeakGrowth, 1) / Math.Max(first.PeakGrowth, 1);
                foreach (var result in new[] { first, second })
                {
                    text.Append(CultureInfo.InvariantCulture, $"| {shape} | {(keepAll ? "control: keeps every client" : "SDK enumeration (streaming)")} | {result.Count:N0} | {result.Pages:N0} | {result.Samples} ")
                        .Append(CultureInfo.InvariantCulture, $"| {Kb(result.Baseline)} | {Kb(result.PeakGrowth)} | {(result == second ? ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x" : string.Empty)} ")
                        .Append(CultureInfo.InvariantCulture, $"| {result.ClientAllocatedPerItem:0} B | {result.Elapsed.TotalMilliseconds:0} ms |")
                        .AppendLine();
                }

                if (!keepAll)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"<!-- {shape}: streaming growth ratio {ratio:0.00}x, target < 1.5x: {(ratio < 1.5 ? "met" : "MISSED")} -->");
                }
            }
        }

        text.AppendLine();
        text.AppendLine("Growth ratio target (SDK enumeration): under 1.5x between the two sizes. \"Client allocations per client\" is everything allocated during the enumeration (SDK, HttpClient and response objects) minus what the fake allocated to build its pages, divided by N; it is garbage, not growth.");
        return text.ToString();
    }

    private static async Task<Result> MeasureAsync(Shape shape, int total, bool keepAll)
    {
        long fakeAllocated = 0;
        var pages = 0;
        byte[] Page(int page)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var body = shape switch
            {
                Shape.LumoAuthPages => Payloads.LumoAuthPage(page, PageSize, total),
                Shape.LumoAuthClientsPages => Payloads.LumoAuthClientsPage(page, PageSize, total),
                _ => Payloads.CerberusPage(page, PageSize, total),
            };
            fakeAllocated += GC.GetAllocatedBytesForCurrentThread() - before;
            pages++;
            return body;
        }

        var surface = shape switch
        {
            Shape.LumoAuthPages => Surface.LumoAuth,
            Shape.LumoAuthClientsPages => Surface.LumoAuthClients,
            _ => Surface.Cerberus,
        };
        var unpaged = shape == Shape.CerberusUnpaged ? new UnpagedListStream(total) : null;
        using HttpMessageHandler handler = unpaged is null ? new CannedHandler(FakeApi.Custom(surface, Page)) : new UnpagedHandler(unpaged);
        using var http = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        var sdk = new OAuthClientsClient(http, new OAuthClientsOptions
        {
            Dialect = surface.Dialect(),
            LumoAuthApi = surface.LumoAuthApi(),
            BaseAddress = new Uri("https://paged.test/"),
            Tenant = Payloads.Tenant,
            ApiKey = Payloads.ApiKey,
        });
        var kept = keepAll ? new List<OAuthClient>() : null;

        Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var peak = baseline;
        var samples = 0;
        var count = 0;
        var clock = Stopwatch.StartNew();
        await foreach (var client in sdk.ListAsync().ConfigureAwait(false))
        {
            count++;
            kept?.Add(client);
            if ((count <= 1000 && count % 50 == 0) || count % 500 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                samples++;
            }
        }

        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        if (unpaged is not null)
        {
            fakeAllocated = unpaged.Allocated;
            pages = 1;
        }

        if (count != total)
        {
            throw new InvalidOperationException($"{shape}: expected {total} clients, got {count}.");
        }

        GC.KeepAlive(kept);
        return new Result(count, pages, samples, baseline, peak - baseline, (double)(allocated - fakeAllocated) / count, clock.Elapsed);
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static string Kb(long bytes) => bytes >= 1024 * 1024
        ? FormattableString.Invariant($"{bytes / (1024.0 * 1024):0.00} MB")
        : FormattableString.Invariant($"{bytes / 1024.0:0.0} KB");

    private enum Shape
    {
        LumoAuthPages,
        LumoAuthClientsPages,
        CerberusPages,
        CerberusUnpaged,
    }

    /// <summary>Answers the list request with the unpaged body, streamed (no <c>Content-Length</c>, as a server writing it as it goes).</summary>
    private sealed class UnpagedHandler(UnpagedListStream body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StreamContent(body) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") } },
            });
    }

    private sealed record Result(int Count, int Pages, int Samples, long Baseline, long PeakGrowth, double ClientAllocatedPerItem, TimeSpan Elapsed);
}
