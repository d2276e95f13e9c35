using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Testing.Dialects.Cerberus;
using OAuthClients.Sdk.Testing.Dialects.LumoAuth;
using OAuthClients.Sdk.Testing.Internal;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace OAuthClients.Sdk.Testing;

/// <summary>
/// A stateful fake of a provider's admin API, on 127.0.0.1 and a free port, for your own tests of code that uses
/// OAuthClients.Sdk. Create stores a client and returns its secret once; list, get, update, delete and rotate act on
/// what is stored. Unknown ids, wrong credentials, missing CSRF tokens and invalid bodies get the provider's own
/// error bodies. Faults can be injected for the next requests.
/// </summary>
/// <example>
/// <code>
/// using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
/// var client = new OAuthClientsClient(server.CreateOptions());
/// var created = await client.CreateAsync(new() { Name = "App", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] });
/// </code>
/// </example>
public sealed class FakeOAuthClientsServer : IDisposable
{
    /// <summary>The tenant (LumoAuth) or organisation (Cerberus) the fake serves.</summary>
    public const string DefaultTenant = "acme";

    private readonly object _gate = new();
    private readonly List<StoredClient> _clients = [];
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private readonly Queue<Func<CancellationToken, Task<FakeResponse?>>> _faults = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly IFakeDialect _dialect;
    private readonly WireMockServer _server;

    private FakeOAuthClientsServer(OAuthDialect dialect, FakeServerOptions settings)
    {
        Dialect = dialect;
        ApiKey = (dialect == OAuthDialect.LumoAuth ? "sk_test_" : "cerb_key_") + Json.Random(24);
        SessionCookie = dialect == OAuthDialect.Cerberus ? Json.Random(32) : null;
        _dialect = dialect switch
        {
            OAuthDialect.LumoAuth => new LumoAuthFake(DefaultTenant, ApiKey),
            OAuthDialect.Cerberus => new CerberusFake(DefaultTenant, ApiKey, OAuthClientsOptions.DefaultSessionCookieName, SessionCookie!, settings),
            _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "Unknown dialect."),
        };
        (_server, BaseAddress) = StartOnFreePort();
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(HandleAsync));
    }

    /// <summary>Gets the dialect the fake speaks.</summary>
    public OAuthDialect Dialect { get; }

    /// <summary>Gets the address to point a client at, such as <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the API key the fake accepts (both dialects).</summary>
    public string ApiKey { get; }

    /// <summary>
    /// Gets the value of a pasted session cookie the fake accepts and never expires (Cerberus only; <see langword="null"/>
    /// for LumoAuth). Login sessions (<see cref="CreateLoginOptions"/>) do expire.
    /// </summary>
    public string? SessionCookie { get; }

    /// <summary>Gets a snapshot of the stored clients, in creation order.</summary>
    public IReadOnlyList<OAuthClient> Clients
    {
        get
        {
            lock (_gate)
            {
                return _clients.Select(c => c.ToModel(_dialect.HasIdTokens)).ToArray();
            }
        }
    }

    /// <summary>Gets the requests received so far, in order (header values are not kept).</summary>
    public IReadOnlyList<FakeRequest> Requests => _requests.ToArray();

    /// <summary>Starts a fake of <paramref name="dialect"/> on 127.0.0.1 and a free port.</summary>
    /// <param name="dialect">The provider to emulate.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    public static FakeOAuthClientsServer Start(OAuthDialect dialect) => new(dialect, new FakeServerOptions());

    /// <summary>
    /// Starts a fake of <paramref name="dialect"/> on 127.0.0.1 and a free port, with its clock and Cerberus session
    /// lifetimes from <paramref name="options"/> (read once, at start).
    /// </summary>
    /// <param name="dialect">The provider to emulate.</param>
    /// <param name="options">The clock and session lifetimes.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static FakeOAuthClientsServer Start(OAuthDialect dialect, FakeServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(dialect, new FakeServerOptions { TimeProvider = options.TimeProvider, SessionLifetime = options.SessionLifetime, SessionIdleTimeout = options.SessionIdleTimeout });
    }

    /// <summary>Options for an <see cref="OAuthClientsClient"/> that talks to this fake.</summary>
    /// <param name="useSession">Cerberus only: authenticate with the session cookie (and CSRF tokens) instead of the API key.</param>
    /// <returns>Options with the dialect, base address, tenant and credentials set.</returns>
    /// <exception cref="NotSupportedException"><paramref name="useSession"/> with LumoAuth, which has no session mode.</exception>
    public OAuthClientsOptions CreateOptions(bool useSession = false) => _dialect.CreateOptions(BaseAddress, useSession);

    /// <summary>
    /// Options for an <see cref="OAuthClientsClient"/> in Cerberus login mode (<see cref="OAuthClientsOptions.Login"/>),
    /// as <paramref name="account"/> or the service account every Cerberus fake starts with.
    /// </summary>
    /// <param name="account">An account added with <see cref="AddAccount"/>, or <see langword="null"/> for the built-in service account.</param>
    /// <returns>Options with the dialect, base address, tenant and login set.</returns>
    /// <exception cref="NotSupportedException">The fake is LumoAuth, which has no login.</exception>
    public OAuthClientsOptions CreateLoginOptions(FakeAccount? account = null) =>
        Login.CreateLoginOptions(BaseAddress, account ?? Login.DefaultAccount);

    /// <summary>Adds a Cerberus account (or replaces the one with its email), for example one that requires MFA or lacks a permission.</summary>
    /// <param name="account">The account.</param>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException">The fake is LumoAuth, which has no login.</exception>
    public void AddAccount(FakeAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        Login.AddAccount(account);
    }

    /// <summary>Gets the secret that currently works for a client, or <see langword="null"/> (public client, unknown id).</summary>
    /// <param name="id">The client's id.</param>
    /// <returns>The current secret.</returns>
    public string? CurrentSecret(string id)
    {
        lock (_gate)
        {
            return _clients.FirstOrDefault(c => c.Id == id)?.Secret;
        }
    }

    /// <summary>Makes the next <paramref name="count"/> requests fail with <paramref name="status"/> and the dialect's error body.</summary>
    /// <param name="count">How many requests fail.</param>
    /// <param name="status">The status they get, such as 503 or 429.</param>
    /// <param name="retryAfter">A <c>Retry-After</c> header to send with them, if any.</param>
    public void FailNext(int count, HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        Enqueue(count, _ =>
        {
            var response = _dialect.Error((int)status, "Injected fault");
            if (retryAfter is { } wait)
            {
                response.Headers["Retry-After"] = ((long)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Task.FromResult<FakeResponse?>(response);
        });
    }

    /// <summary>Delays the next <paramref name="count"/> requests by <paramref name="delay"/> (real time), then answers them normally.</summary>
    /// <param name="count">How many requests are delayed.</param>
    /// <param name="delay">How long each waits.</param>
    public void DelayNext(int count, TimeSpan delay) =>
        Enqueue(count, async stopping =>
        {
            await Task.Delay(delay, stopping).ConfigureAwait(false);
            return null;
        });

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _server.Stop();
        _server.Dispose();
        _stopping.Dispose();
    }

    private IFakeLogin Login => _dialect as IFakeLogin ?? throw new NotSupportedException($"{Dialect} has no login sessions: only the Cerberus fake does.");

    private static (WireMockServer Server, Uri BaseAddress) StartOnFreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            try
            {
                var server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"] });
                return (server, new Uri($"http://127.0.0.1:{port}/"));
            }
            catch (Exception) when (attempt < 5)
            {
                // Another process took the port between the probe and the start: try another one.
            }
        }
    }

    private static ResponseMessage ToWireMock(FakeResponse response) => new()
    {
        StatusCode = response.Status,
        Headers = response.Headers.ToDictionary(h => h.Key, h => new WireMockList<string>(h.Value))
            .Concat(response.Body is null ? [] : [new KeyValuePair<string, WireMockList<string>>("Content-Type", new("application/json"))])
            .Concat(response.Cookies.Count == 0 ? [] : [new KeyValuePair<string, WireMockList<string>>("Set-Cookie", new(response.Cookies))])
            .ToDictionary(h => h.Key, h => h.Value),
        BodyData = response.Body is null ? null : new BodyData { BodyAsString = response.Body.ToJsonString(), DetectedBodyType = BodyType.String },
    };

    private void Enqueue(int count, Func<CancellationToken, Task<FakeResponse?>> fault)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    private async Task<IResponseMessage> HandleAsync(IRequestMessage request)
    {
        _requests.Enqueue(new FakeRequest(request.Method, request.Url[request.Url.IndexOf('/', request.Url.IndexOf("//", StringComparison.Ordinal) + 2)..], request.Body));
        Func<CancellationToken, Task<FakeResponse?>>? fault;
        lock (_gate)
        {
            _faults.TryDequeue(out fault);
        }

        var response = (fault is null ? null : await fault(_stopping.Token).ConfigureAwait(false))
            ?? _dialect.Authenticate(request)
            ?? Route(request);
        _dialect.Decorate(response);
        return ToWireMock(response);
    }

    private FakeResponse Route(IRequestMessage request)
    {
        if (!request.AbsolutePath.StartsWith(_dialect.Collection, StringComparison.Ordinal))
        {
            return _dialect.Error(404, "No such route");
        }

        var segments = request.AbsolutePath[_dialect.Collection.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        JsonObject? body;
        try
        {
            body = string.IsNullOrEmpty(request.Body) ? null : JsonNode.Parse(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return _dialect.Error(400, "The body is not valid JSON");
        }

        lock (_gate)
        {
            var (update, rotate) = _dialect.Routes;
            return (request.Method, segments) switch
            {
                ("GET", []) => new FakeResponse(200, _dialect.ListResponse(_clients)),
                ("POST", []) => Create(body),
                ("GET", [var id]) => WithClient(id, client => new FakeResponse(200, _dialect.ToJson(client))),
                (var method, [var id]) when method == update => WithClient(id, client =>
                {
                    if (body is null)
                    {
                        return _dialect.Error(400, "A JSON object body is required");
                    }

                    _dialect.Apply(client, body);
                    return new FakeResponse(200, _dialect.ToJson(client));
                }),
                ("DELETE", [var id]) => WithClient(id, client =>
                {
                    _clients.Remove(client);
                    return new FakeResponse(204, null);
                }),
                ("POST", [var id, var action]) when action == rotate => WithClient(id, client =>
                {
                    if (!client.IsConfidential)
                    {
                        return _dialect.Error(400, "Public clients have no secret");
                    }

                    client.Secret = _dialect.NewSecret();
                    return new FakeResponse(200, _dialect.SecretResponse(client));
                }),
                _ => _dialect.Error(404, "No such route"),
            };
        }
    }

    private FakeResponse Create(JsonObject? body)
    {
        if (body is null)
        {
            return _dialect.Error(400, "A JSON object body is required");
        }

        var errors = _dialect.ValidateCreate(body);
        if (errors.Count > 0)
        {
            return _dialect.Error(400, "Validation failed", errors);
        }

        var client = _dialect.NewClient(body);
        client.Secret = client.IsConfidential ? _dialect.NewSecret() : null;
        _clients.Add(client);
        return new FakeResponse(201, _dialect.CreatedResponse(client));
    }

    private FakeResponse WithClient(string id, Func<StoredClient, FakeResponse> then) =>
        _clients.FirstOrDefault(c => c.Id == id) is { } client ? then(client) : _dialect.Error(404, "OAuth2 client not found");
}
