using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OAuthClients.Sdk.Benchmarks.Fakes;

/// <summary>
/// A real HTTP/1.1 server (Kestrel) on 127.0.0.1 and an ephemeral port that answers <see cref="FakeApi"/>'s canned
/// bodies, for end-to-end figures. It listens on loopback only and counts the TCP connections it accepts, so that a
/// run can show its connections stay bounded.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeApi _api;
    private int _accepted;
    private int _open;
    private int _maxOpen;
    private long _requests;

    private LoopbackServer(FakeApi api)
    {
        _api = api;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => async connection =>
            {
                Interlocked.Increment(ref _accepted);
                var open = Interlocked.Increment(ref _open);
                InterlockedMax(ref _maxOpen, open);
                try
                {
                    await next(connection).ConfigureAwait(false);
                }
                finally
                {
                    Interlocked.Decrement(ref _open);
                }
            }));
        });
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public ServerStats Stats => new(Volatile.Read(ref _accepted), Volatile.Read(ref _open), Volatile.Read(ref _maxOpen), Interlocked.Read(ref _requests));

    public static async Task<LoopbackServer> StartAsync(FakeApi api)
    {
        var server = new LoopbackServer(api);
        await server._app.StartAsync().ConfigureAwait(false);
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        if (!IPAddress.IsLoopback(IPAddress.Parse(server.BaseAddress.Host)))
        {
            throw new InvalidOperationException($"The server must listen on loopback only, not {address}.");
        }

        return server;
    }

    public void ResetStats()
    {
        Volatile.Write(ref _accepted, 0);
        Volatile.Write(ref _maxOpen, Volatile.Read(ref _open));
        Interlocked.Exchange(ref _requests, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static void InterlockedMax(ref int location, int value)
    {
        var current = Volatile.Read(ref location);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var request = context.Request;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            await request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
        }

        var canned = _api.Route(request.Method, request.Path.Value + request.QueryString.Value);
        var response = context.Response;
        response.StatusCode = canned.Status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = canned.Body.Length;
        foreach (var header in canned.Headers)
        {
            response.Headers[header.Key] = header.Value;
        }

        await response.Body.WriteAsync(canned.Body, context.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>What the server saw: connections accepted, open now, most open at once, and requests answered.</summary>
public readonly record struct ServerStats(int AcceptedConnections, int OpenConnections, int MaxOpenConnections, long Requests);
