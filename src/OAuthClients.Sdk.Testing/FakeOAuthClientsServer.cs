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
/// what is stored. Unknown ids, wrong credentials, missing CSRF tokens and invalid bodies (including grant types and
/// scopes the providers refuse) get the provider's own error bodies. Every request is recorded, headers included with
/// credentials masked. Faults can be injected for the next requests (<see cref="FailNext"/>, <see cref="ClearFaults"/>).
/// The provider's OAuth 2.0 token endpoint grants <c>client_credentials</c> tokens to a confidential, active client that
/// has that grant and presents its current secret (HTTP Basic or form members), so code that verifies a new secret can
/// be tested too.
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

    private const string RequestIdHeader = "X-Request-Id";

    private readonly object _gate = new();
    private readonly List<StoredClient> _clients = [];
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private readonly Queue<Func<CancellationToken, Task<FakeResponse?>>> _faults = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly IFakeDialect _dialect;
    private readonly WireMockServer _server;
    private WriteLimit? _writeLimit;
    private int _rateLimited;

    private FakeOAuthClientsServer(OAuthDialect dialect, LumoAuthApi lumoAuthApi, FakeServerOptions settings)
    {
        Dialect = dialect;
        LumoAuthApi = lumoAuthApi;
        ApiKey = (dialect, lumoAuthApi) switch
        {
            (OAuthDialect.LumoAuth, LumoAuthApi.Clients) => "lmk_test_",
            (OAuthDialect.LumoAuth, _) => "sk_test_",
            _ => "cerb_key_",
        } + Json.Random(24);
        SessionCookie = dialect == OAuthDialect.Cerberus ? Json.Random(32) : null;
        _dialect = dialect switch
        {
            OAuthDialect.LumoAuth when lumoAuthApi == LumoAuthApi.Clients => new LumoAuthClientsFake(DefaultTenant, ApiKey),
            OAuthDialect.LumoAuth => new LumoAuthFake(DefaultTenant, ApiKey, settings.TimeProvider),
            OAuthDialect.Cerberus => new CerberusFake(DefaultTenant, ApiKey, OAuthClientsOptions.DefaultSessionCookieName, SessionCookie!, settings),
            _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "Unknown dialect."),
        };
        (_server, BaseAddress) = StartOnFreePort();
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(HandleAsync));
    }

    /// <summary>Gets the dialect the fake speaks.</summary>
    public OAuthDialect Dialect { get; }

    /// <summary>Gets the LumoAuth admin API the fake serves (LumoAuth only).</summary>
    public LumoAuthApi LumoAuthApi { get; }

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

    /// <summary>Gets the requests received so far, in order, with their headers (credential values masked).</summary>
    public IReadOnlyList<FakeRequest> Requests => _requests.ToArray();

    /// <summary>Starts a fake of <paramref name="dialect"/> on 127.0.0.1 and a free port.</summary>
    /// <param name="dialect">The provider to emulate.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    public static FakeOAuthClientsServer Start(OAuthDialect dialect) => new(dialect, LumoAuthApi.OAuthClients, new FakeServerOptions());

    /// <summary>
    /// Starts a fake of LumoAuth's <paramref name="lumoAuthApi"/> on 127.0.0.1 and a free port. The
    /// <see cref="LumoAuthApi.Clients"/> fake serves <c>/t/acme/api/v1/admin/clients</c>: the API key in <c>X-API-Key</c>
    /// (refused with <c>Authorization</c>), integer ids and string client ids (either in paths), paginated and searchable
    /// lists of summaries, enable, disable, token revocation and scopes.
    /// </summary>
    /// <param name="lumoAuthApi">The admin API to emulate.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    public static FakeOAuthClientsServer Start(LumoAuthApi lumoAuthApi) => new(OAuthDialect.LumoAuth, lumoAuthApi, new FakeServerOptions());

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
        return new(dialect, LumoAuthApi.OAuthClients, new FakeServerOptions { TimeProvider = options.TimeProvider, SessionLifetime = options.SessionLifetime, SessionIdleTimeout = options.SessionIdleTimeout });
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

    /// <summary>Gets when every token of a client was last revoked, or <see langword="null"/> (never, unknown id).</summary>
    /// <param name="id">The client's id.</param>
    /// <returns>When its tokens were revoked.</returns>
    public DateTimeOffset? TokensRevokedAt(string id)
    {
        lock (_gate)
        {
            return _clients.FirstOrDefault(c => c.Id == id)?.TokensRevokedAt;
        }
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> requests fail with <paramref name="status"/> and the provider's own error
    /// body and error code for that status (a 422 gets the code of a validation failure, a 503 that of an unavailable
    /// service). Faults are queued: each request, whatever its route, takes the next one before anything else happens,
    /// so a fault meant for a call is used up by whatever request comes first (a retry, a token or CSRF request).
    /// Queued faults outlive the test that queued them: <see cref="ClearFaults"/> drops them.
    /// </summary>
    /// <param name="count">How many requests fail.</param>
    /// <param name="status">The status they get, such as 503 or 429.</param>
    /// <param name="retryAfter">A <c>Retry-After</c> header to send with them, if any.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative, or <paramref name="status"/> is not an error status (400-599).</exception>
    public void FailNext(int count, HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        if ((int)status is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "An injected fault is an error status, 400 to 599.");
        }

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

    /// <summary>Drops every fault and delay queued by <see cref="FailNext"/> and <see cref="DelayNext"/> that no request has taken yet.</summary>
    /// <returns>How many were dropped.</returns>
    public int ClearFaults()
    {
        lock (_gate)
        {
            var dropped = _faults.Count;
            _faults.Clear();
            return dropped;
        }
    }

    /// <summary>
    /// Delays the next <paramref name="count"/> requests by <paramref name="delay"/> (real time), then answers them
    /// normally. Delays share the queue of <see cref="FailNext"/>; <see cref="ClearFaults"/> drops them too.
    /// </summary>
    /// <param name="count">How many requests are delayed.</param>
    /// <param name="delay">How long each waits.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public void DelayNext(int count, TimeSpan delay) =>
        Enqueue(count, async stopping =>
        {
            await Task.Delay(delay, stopping).ConfigureAwait(false);
            return null;
        });

    /// <summary>Gets how many requests the fake's write limit (<see cref="LimitWrites"/>) answered with 429.</summary>
    public int RateLimitedResponses => Volatile.Read(ref _rateLimited);

    /// <summary>
    /// Limits writes (every request but a GET and the token endpoint) the way LumoAuth documents it: at most
    /// <paramref name="limit"/> per fixed <paramref name="window"/>, measured on <paramref name="timeProvider"/> (a
    /// <c>FakeTimeProvider</c> in tests). Every write's response carries <c>X-RateLimit-Limit</c>,
    /// <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> (Unix seconds); a write over the limit gets 429 with
    /// <c>Retry-After</c> (seconds) and is not performed. <see cref="RateLimitedResponses"/> counts those.
    /// </summary>
    /// <param name="limit">Writes allowed per window, for example 100.</param>
    /// <param name="window">The window, for example one minute; it starts with the first write.</param>
    /// <param name="timeProvider">The clock of the windows.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> or <paramref name="window"/> is not positive.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public void LimitWrites(int limit, TimeSpan window, TimeProvider timeProvider)
    {
        if (limit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit must be 1 or more.");
        }

        if (window < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be one second or more.");
        }

        ArgumentNullException.ThrowIfNull(timeProvider);
        lock (_gate)
        {
            _writeLimit = new WriteLimit(limit, window, timeProvider);
        }
    }

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
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The count of requests must be 0 or more.");
        }

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
        var path = request.Url[request.Url.IndexOf('/', request.Url.IndexOf("//", StringComparison.Ordinal) + 2)..];
        _requests.Enqueue(new FakeRequest(request.Method, path, request.Body) { Headers = HeaderMask.Masked(request.Headers) });
        Func<CancellationToken, Task<FakeResponse?>>? fault;
        lock (_gate)
        {
            _faults.TryDequeue(out fault);
        }

        var isWrite = request.Method != "GET" && request.AbsolutePath != _dialect.TokenPath;
        WriteLimit? limit;
        lock (_gate)
        {
            limit = isWrite ? _writeLimit : null;
        }

        (bool allowed, Dictionary<string, string>? rateHeaders) = limit is null ? (true, null) : limit.Take();
        if (!allowed)
        {
            Interlocked.Increment(ref _rateLimited);
        }

        var response = (fault is null ? null : await fault(_stopping.Token).ConfigureAwait(false))
            ?? (allowed ? null : _dialect.Error(429, "Rate limit exceeded"))
            ?? (request.AbsolutePath == _dialect.TokenPath ? IssueToken(request) : null)
            ?? _dialect.Authenticate(request)
            ?? Route(request);
        foreach (var header in rateHeaders ?? [])
        {
            response.Headers[header.Key] = header.Value;
        }

        _dialect.Decorate(response);
        if (_dialect.SendsRequestId)
        {
            // Like Cerberus: every response carries X-Request-Id, echoing the client's own when it sent one.
            response.Headers[RequestIdHeader] = request.Headers?.FirstOrDefault(h => string.Equals(h.Key, RequestIdHeader, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault()
                ?? "req_" + Json.Random(20);
        }

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
                ("GET", []) => new FakeResponse(200, _dialect.ListResponse(_clients, request)),
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
                    return _dialect.Deleted();
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
                (var method, [var id, .. var action]) => WithClient(id, client => _dialect.Action(method, string.Join("/", action), client, body) ?? _dialect.Error(404, "No such route")),
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

    private FakeResponse IssueToken(IRequestMessage request)
    {
        lock (_gate)
        {
            return TokenEndpoint.Issue(request, clientId => _clients.FirstOrDefault(c => c.ClientId == clientId));
        }
    }

    private FakeResponse WithClient(string id, Func<StoredClient, FakeResponse> then) =>
        _clients.FirstOrDefault(c => _dialect.Matches(c, id)) is { } client ? then(client) : _dialect.Error(404, "OAuth2 client not found");
}
