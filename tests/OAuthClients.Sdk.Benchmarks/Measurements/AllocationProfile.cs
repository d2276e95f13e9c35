using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Reflection.Emit;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Benchmarks.Fakes;
using OAuthClients.Sdk.Benchmarks.Peers;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Benchmarks.Measurements;

/// <summary>
/// Where the SDK's time and allocations go, per call, in memory: each whole operation of the three implementations,
/// then the SDK's pieces, measured one at a time in a loop (allocated bytes from <c>GC.GetTotalAllocatedBytes(true)</c>,
/// time from a stopwatch, after a warm-up). The SDK's dialect readers are internal: they are reached by reflection
/// (a diagnostic only, so that the SDK's sources need no change); the transport pieces are the same public calls the
/// SDK's ApiTransport makes. If a reflected member is renamed, that line says so and the rest still runs.
/// </summary>
public static class AllocationProfile
{
    private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    public static async Task<string> RunAsync(int iterations)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Per-call profile, in memory, {iterations:N0} calls per line after a warm-up (single thread; times are indicative, allocations exact).");
        // Two passes over both dialects; only the second (warm, tier-1 JIT) is printed.
        foreach (var (dialect, print) in new[] { (OAuthDialect.LumoAuth, false), (OAuthDialect.Cerberus, false), (OAuthDialect.LumoAuth, true), (OAuthDialect.Cerberus, true) })
        {
            var surface = dialect == OAuthDialect.LumoAuth ? Surface.LumoAuth : Surface.Cerberus;
            using var harness = new Harness(surface, Transport.InMemory);
            await harness.VerifyAsync().ConfigureAwait(false);
            var dialectObject = typeof(OAuthClientsClient).GetField("_dialect", Any)?.GetValue(harness.Sdk)
                ?? throw new InvalidOperationException("OAuthClientsClient._dialect not found.");
            var lumo = dialect == OAuthDialect.LumoAuth;
            var get = lumo ? Payloads.LumoAuthGet : Payloads.CerberusGet;
            var created = lumo ? Payloads.LumoAuthCreated : Payloads.CerberusCreated;
            var list = lumo ? Payloads.LumoAuthListPages[0] : Payloads.CerberusList;
            var readClient = Invoker(dialectObject, "ReadClient");
            var readCreated = Invoker(dialectObject, "ReadCreated");
            var strings = typeof(OAuthClientsClient).Assembly.GetTypes().Single(t => t.Name == "Wire").GetMethod("Strings", Any)?.CreateDelegate<Func<List<string?>?, IReadOnlyList<string>>>();
            var fourScopes = new List<string?> { "openid", "profile", "email", "offline_access" };
            var peerGet = PeerJsonContext.Default;
            var peerGetType = lumo ? typeof(LumoClient) : typeof(CerberusClient);
            var peerListType = lumo ? typeof(LumoClientPage) : typeof(CerberusClientList);
            var baseAddress = new Uri(lumo ? "https://lumo.test/" : "https://cerberus.test/");
            var path = lumo ? "t/acme-corp/api/v1/admin/oauth-clients/" + Payloads.ClientId : "v1/admin/clients/" + Payloads.ClientId;
            var absolute = new Uri(baseAddress, path);
            using var floorHttp = new HttpClient(new CannedHandler(FakeApi.For(surface))) { Timeout = Timeout.InfiniteTimeSpan };
            using var defaultHttp = new HttpClient(new CannedHandler(FakeApi.For(surface)));
            var accept = new MediaTypeWithQualityHeaderValue("application/json");
            var auth = new AuthenticationHeaderValue("Bearer", Payloads.ApiKey);
            using var meter = new Meter("OAuthClients.Sdk.Benchmarks.Profile");
            var histogram = meter.CreateHistogram<double>("profile.duration");
            var counter = meter.CreateCounter<long>("profile.count");
            using var cerberusResponse = new HttpResponseMessage();
            cerberusResponse.Headers.TryAddWithoutValidation("X-Request-Id", "req_01jd4k2m9q8w7e6r5t4y3u2i1o");

            IComparer<string?> comparer = StringComparer.Ordinal;
            using var reusable = new CancellationTokenSource();
            var timestampJson = "{\"createdAt\":\"2025-10-26T12:00:00.000Z\"}"u8.ToArray();
            var rows = new List<(string Section, string Name, double Bytes, double Nanoseconds)>();
            async Task Line(string section, string name, Func<ValueTask> action)
            {
                try
                {
                    var (bytes, ns) = await MeasureAsync(action, iterations).ConfigureAwait(false);
                    rows.Add((section, name, bytes, ns));
                }
                catch (Exception ex) when (ex is InvalidOperationException or MissingMemberException or NullReferenceException or TargetInvocationException)
                {
                    rows.Add((section, $"{name} (not measured: {ex.GetType().Name}: {ex.Message})", double.NaN, double.NaN));
                }
            }

            ValueTask Done() => ValueTask.CompletedTask;

            // Whole operations.
            await Line("Get", "SDK GetAsync", async () => await harness.Sdk.GetAsync(Payloads.ClientId).ConfigureAwait(false)).ConfigureAwait(false);
            await Line("Get", "hand-written GetAsync", async () => _ = lumo ? (object)await harness.HandWrittenLumoAuth!.GetAsync(Payloads.ClientId).ConfigureAwait(false) : await harness.HandWrittenCerberus!.GetAsync(Payloads.ClientId).ConfigureAwait(false)).ConfigureAwait(false);
            await Line("Get", "Refit GetAsync", async () => _ = lumo ? (object)await harness.RefitLumoAuth!.GetAsync(Payloads.Tenant, Payloads.ClientId).ConfigureAwait(false) : await harness.RefitCerberus!.GetAsync(Payloads.ClientId).ConfigureAwait(false)).ConfigureAwait(false);

            // Reading the body.
            await Line("Get: body", "SDK dialect ReadClient(byte[]): deserialize + map", () => { _ = readClient!(dialectObject, get); return Done(); }).ConfigureAwait(false);
            await Line("Get: body", "peer DTO deserialize only (same bytes)", () => { _ = JsonSerializer.Deserialize(get, peerGet.GetTypeInfo(peerGetType)!); return Done(); }).ConfigureAwait(false);
            await Line("Get: body", "Wire.Strings(4 items) (one list of the mapping)", () => { _ = strings!(fourScopes); return Done(); }).ConfigureAwait(false);
            await Line("Get: body", "ByteArrayContent.ReadAsByteArrayAsync (SDK)", async () => { using var content = new ByteArrayContent(get); _ = await content.ReadAsByteArrayAsync().ConfigureAwait(false); }).ConfigureAwait(false);
            await Line("Get: body", "ByteArrayContent.ReadFromJsonAsync (peer, deserialize included)", async () =>
            {
                using var content = new ByteArrayContent(get) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
                _ = await content.ReadFromJsonAsync(peerGetType, peerGet).ConfigureAwait(false);
            }).ConfigureAwait(false);
            await Line("Get: body", "new ByteArrayContent alone (both)", () => { using var content = new ByteArrayContent(get); return Done(); }).ConfigureAwait(false);

            // Proposed replacements, measured the same way.
            await Line("Get: proposed", "pooled body read: ReadAsStreamAsync + ReadAsync into ArrayPool buffer (sized by Content-Length), returned after reading", async () =>
            {
                using var content = new ByteArrayContent(get);
                var (buffer, _) = await PooledBody.ReadAsync(content).ConfigureAwait(false);
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }).ConfigureAwait(false);
            await Line("Get: proposed", "Wire.Strings as one loop, no LINQ, exact string[] (4 items)", () => { _ = ProposedStrings.Copy(fourScopes); return Done(); }).ConfigureAwait(false);
            await Line("Get: proposed", "Wire.Strings returning the deserialized list when it has no blank entry (4 items)", () => { _ = ProposedStrings.Reuse(fourScopes); return Done(); }).ConfigureAwait(false);
            await Line("Get: proposed", "timestamp: reader.GetString() + DateTimeOffset.TryParse (current converter)", () => { _ = Timestamps.Current(timestampJson); return Done(); }).ConfigureAwait(false);
            await Line("Get: proposed", "timestamp: reader.CopyString(stackalloc) + TryParse(span), same styles", () => { _ = Timestamps.Proposed(timestampJson); return Done(); }).ConfigureAwait(false);
            await Line("Get: proposed", "per-attempt CancellationTokenSource(timeout) alone (no linked source when the caller's token cannot cancel)", () =>
            {
                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(30), TimeProvider.System);
                return Done();
            }).ConfigureAwait(false);
            await Line("Get: proposed", "the OAuthClient model object alone (what any mapping must allocate)", () =>
            {
                _ = new OAuthClient { Id = Payloads.ClientId, ClientId = Payloads.ClientId, Name = "n", RedirectUris = [], AllowedScopes = [], GrantTypes = [], CreatedAt = DateTimeOffset.UnixEpoch };
                return Done();
            }).ConfigureAwait(false);
            await Line("List: proposed", $"pooled body read of one list page ({list.Length:N0} bytes)", async () =>
            {
                using var content = new ByteArrayContent(list);
                var (buffer, _) = await PooledBody.ReadAsync(content).ConfigureAwait(false);
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }).ConfigureAwait(false);

            // Transport pieces.
            await Line("Get: transport", "HttpClient.SendAsync, infinite timeout, request + response (floor, SDK's HttpClient)", async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, absolute);
                using var response = await floorHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            }).ConfigureAwait(false);
            await Line("Get: transport", "HttpClient.SendAsync, default 100 s timeout (peers' HttpClient)", async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, absolute);
                using var response = await defaultHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            }).ConfigureAwait(false);
            await Line("Get: transport", "HttpClient.SendAsync, infinite timeout, with a cancellable token (as the SDK calls it: HttpClient links it)", async () =>
            {
                using var attempt = new CancellationTokenSource();
                using var request = new HttpRequestMessage(HttpMethod.Get, absolute);
                using var response = await floorHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
            }).ConfigureAwait(false);
            await Line("Get: transport", "a CancellationTokenSource alone (subtract from the line above)", () =>
            {
                using var attempt = new CancellationTokenSource();
                return Done();
            }).ConfigureAwait(false);
            await Line("Get: proposed", "per-attempt timeout from a reused source: CancelAfter(30 s), then TryReset (a pooled CTS)", () =>
            {
                reusable.CancelAfter(TimeSpan.FromSeconds(30));
                _ = reusable.TryReset();
                return Done();
            }).ConfigureAwait(false);
            await Line("Get: transport", "new Uri(baseAddress, path)", () => { _ = new Uri(baseAddress, path); return Done(); }).ConfigureAwait(false);
            await Line("Get: transport", "new HttpRequestMessage + Accept + Authorization", () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, absolute);
                request.Headers.Accept.Add(accept);
                request.Headers.Authorization = auth;
                return Done();
            }).ConfigureAwait(false);
            await Line("Get: transport", "per-attempt CancellationTokenSource(timeout, TimeProvider.System) + linked source", () =>
            {
                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(30), TimeProvider.System);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken.None, attempt.Token);
                return Done();
            }).ConfigureAwait(false);
            await Line("Get: transport", "activity name $\"OAuthClients {operation.Name}\" (built even with no listener)", () => { _ = string.Concat("OAuthClients ", Name()); return Done(); }).ConfigureAwait(false);
            await Line("Get: transport", "reader delegate from an interface method group (as _dialect.ReadClient, per call)", () => { Func<string?, string?, int> read = comparer.Compare; GC.KeepAlive(read); return Done(); }).ConfigureAwait(false);
            await Line("Get: transport", "TagList(3) + Histogram.Record + Counter.Add, no listener", () =>
            {
                var tags = new TagList { { "oauthclients.dialect", "x" }, { "oauthclients.operation", "get" }, { "oauthclients.outcome", "success" } };
                histogram.Record(0.001, tags);
                counter.Add(1, tags);
                return Done();
            }).ConfigureAwait(false);
            await Line("Get: transport", "response.Headers.TryGetValues(\"X-Request-Id\") (Cerberus responses carry one)", () => { _ = cerberusResponse.Headers.TryGetValues("X-Request-Id", out var values) ? values.FirstOrDefault() : null; return Done(); }).ConfigureAwait(false);

            // Create and list.
            await Line("Create", "SDK CreateAsync", async () => await harness.Sdk.CreateAsync(lumo ? Harness.SdkLumoAuthCreate : Harness.SdkCerberusCreate).ConfigureAwait(false)).ConfigureAwait(false);
            await Line("Create", "hand-written CreateAsync", async () => _ = lumo ? (object)await harness.HandWrittenLumoAuth!.CreateAsync(Harness.PeerLumoAuthCreate).ConfigureAwait(false) : await harness.HandWrittenCerberus!.CreateAsync(Harness.PeerCerberusCreate).ConfigureAwait(false)).ConfigureAwait(false);
            await Line("Create", "SDK dialect ReadCreated(byte[])", () => { _ = readCreated!(dialectObject, created); return Done(); }).ConfigureAwait(false);
            await Line("Create", "SDK request checks: Uri.TryCreate per redirect URI / origin", () =>
            {
                foreach (var uri in (lumo ? Harness.SdkLumoAuthCreate : Harness.SdkCerberusCreate).RedirectUris)
                {
                    _ = Uri.TryCreate(uri, UriKind.Absolute, out _);
                }

                return Done();
            }).ConfigureAwait(false);
            await Line("List", $"SDK ListAsync, all {Payloads.ListCount:N0}", async () => { await foreach (var c in harness.Sdk.ListAsync().ConfigureAwait(false)) { } }).ConfigureAwait(false);
            await Line("List", $"hand-written ListAsync, all {Payloads.ListCount:N0}", async () =>
            {
                if (lumo)
                {
                    await foreach (var c in harness.HandWrittenLumoAuth!.ListAsync().ConfigureAwait(false)) { }
                }
                else
                {
                    await foreach (var c in harness.HandWrittenCerberus!.ListAsync().ConfigureAwait(false)) { }
                }
            }).ConfigureAwait(false);
            await Line("List: one page", "peer envelope deserialize only (same bytes)", () => { _ = JsonSerializer.Deserialize(list, PeerJsonContext.Default.GetTypeInfo(peerListType)!); return Done(); }).ConfigureAwait(false);
            await Line("List: one page", $"ByteArrayContent.ReadAsByteArrayAsync of the page ({list.Length:N0} bytes)", async () => { using var content = new ByteArrayContent(list); _ = await content.ReadAsByteArrayAsync().ConfigureAwait(false); }).ConfigureAwait(false);

            if (!print)
            {
                continue;
            }

            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"### {dialect}");
            text.AppendLine();
            text.AppendLine("| Section | What | Allocated per call | Time per call |");
            text.AppendLine("|---|---|--:|--:|");
            foreach (var row in rows)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Section} | {row.Name} | {row.Bytes:N0} B | {row.Nanoseconds:N0} ns |");
            }
        }

        return text.ToString();
    }

    // Not a constant, so that the concatenation happens at run time as in the SDK.
    private static string Name() => DateTime.UtcNow.Year > 0 ? "get" : "list";

    /// <summary>
    /// Calls a dialect's internal reader with a body, whether it takes <c>byte[]</c> or <c>ReadOnlySpan&lt;byte&gt;</c>;
    /// further parameters (the requested page) get their default. A small dynamic method, so that no reflection
    /// invoke (and its allocations) is measured.
    /// </summary>
    private static BodyInvoker? Invoker(object target, string name)
    {
        var method = target.GetType().GetMethod(name, Any);
        if (method is null)
        {
            return null;
        }

        var parameters = method.GetParameters();
        var shim = new DynamicMethod(name + "Invoker", typeof(object), [typeof(object), typeof(byte[])], typeof(AllocationProfile).Module, skipVisibility: true);
        var il = shim.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Castclass, target.GetType());
        il.Emit(OpCodes.Ldarg_1);
        if (parameters[0].ParameterType == typeof(ReadOnlySpan<byte>))
        {
            il.Emit(OpCodes.Call, typeof(ReadOnlySpan<byte>).GetMethod("op_Implicit", [typeof(byte[])])!);
        }

        foreach (var parameter in parameters.Skip(1))
        {
            if (parameter.ParameterType.IsValueType)
            {
                var local = il.DeclareLocal(parameter.ParameterType);
                il.Emit(OpCodes.Ldloca, local);
                il.Emit(OpCodes.Initobj, parameter.ParameterType);
                il.Emit(OpCodes.Ldloc, local);
            }
            else
            {
                il.Emit(OpCodes.Ldnull);
            }
        }

        il.Emit(OpCodes.Callvirt, method);
        if (method.ReturnType.IsValueType)
        {
            il.Emit(OpCodes.Box, method.ReturnType);
        }

        il.Emit(OpCodes.Ret);
        return shim.CreateDelegate<BodyInvoker>();
    }

    private static async Task<(double Bytes, double Nanoseconds)> MeasureAsync(Func<ValueTask> action, int iterations)
    {
        for (var i = 0; i < Math.Max(200, iterations / 5); i++)
        {
            await action().ConfigureAwait(false);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            await action().ConfigureAwait(false);
        }

        clock.Stop();
        var after = GC.GetTotalAllocatedBytes(precise: true);
        return ((double)(after - before) / iterations, clock.Elapsed.TotalNanoseconds / iterations);
    }
}

/// <summary>Calls a reader of the SDK on <paramref name="body"/>.</summary>
public delegate object? BodyInvoker(object target, byte[] body);

/// <summary>The proposed body read: the response stream into a pooled buffer, sized from Content-Length when known.</summary>
public static class PooledBody
{
    public static async Task<(byte[] Buffer, int Count)> ReadAsync(HttpContent content, CancellationToken cancellationToken = default)
    {
        var length = content.Headers.ContentLength;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length is > 0 and < 16 * 1024 * 1024 ? (int)length.Value + 1 : 16 * 1024);
        var count = 0;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            while (true)
            {
                if (count == buffer.Length)
                {
                    var larger = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, count).CopyTo(larger);
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, count);
                }

                count += read;
            }
        }
    }
}

/// <summary>The proposed replacements of <c>Wire.Strings</c>.</summary>
public static class ProposedStrings
{
    public static IReadOnlyList<string> Copy(List<string?>? values)
    {
        if (values is null || values.Count == 0)
        {
            return [];
        }

        var valid = 0;
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                valid++;
            }
        }

        var result = new string[valid];
        var i = 0;
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                result[i++] = value;
            }
        }

        return result;
    }

    public static IReadOnlyList<string> Reuse(List<string?>? values)
    {
        if (values is null || values.Count == 0)
        {
            return [];
        }

        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return Copy(values);
            }
        }

        return values!;
    }
}

/// <summary>The current and the proposed reading of a lenient timestamp.</summary>
public static class Timestamps
{
    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    public static DateTimeOffset? Current(byte[] json)
    {
        var reader = Positioned(json);
        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, Styles, out var value) ? value : null;
    }

    public static DateTimeOffset? Proposed(byte[] json)
    {
        var reader = Positioned(json);
        Span<char> chars = stackalloc char[64];
        if ((reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) <= chars.Length)
        {
            var length = reader.CopyString(chars);
            return DateTimeOffset.TryParse(chars[..length], CultureInfo.InvariantCulture, Styles, out var value) ? value : null;
        }

        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, Styles, out var fallback) ? fallback : null;
    }

    private static Utf8JsonReader Positioned(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Read();
        reader.Read();
        return reader;
    }
}
