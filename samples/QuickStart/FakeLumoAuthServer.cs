using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace QuickStart;

/// <summary>
/// A small stateful LumoAuth admin API on WireMock, on 127.0.0.1 and a free port, enough for the QuickStart.
/// </summary>
internal sealed class FakeLumoAuthServer : IDisposable
{
    private readonly ConcurrentDictionary<string, JsonObject> _clients = new();
    private readonly WireMockServer _server;
    private readonly string _collection;
    private readonly string _apiKey;

    private FakeLumoAuthServer(string tenant, string apiKey)
    {
        _collection = $"/t/{tenant}/api/v1/admin/oauth-clients";
        _apiKey = apiKey;
        var port = FreePort();
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"] });
        _server.Given(Request.Create().WithPath(_collection + "*")).RespondWith(Response.Create().WithCallback(Handle));
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public static FakeLumoAuthServer Start(string tenant, string apiKey) => new(tenant, apiKey);

    public void Dispose() => _server.Stop();

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string NewSecret() => "cs_live_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    private static ResponseMessage Json(int status, JsonNode? body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = body is null ? null : new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
    };

    private static ResponseMessage Error(int status, string code, string message) =>
        Json(status, new JsonObject { ["error"] = true, ["status"] = status, ["code"] = code, ["message"] = message });

    private ResponseMessage Handle(IRequestMessage request)
    {
        if (!request.Headers!.TryGetValue("Authorization", out var auth) || auth.FirstOrDefault() != $"Bearer {_apiKey}")
        {
            return Error(401, "invalid_token", "Invalid or expired access token");
        }

        var rest = request.AbsolutePath[_collection.Length..].Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var body = string.IsNullOrEmpty(request.Body) ? null : JsonNode.Parse(request.Body)!.AsObject();
        return (request.Method, rest) switch
        {
            ("GET", []) => Json(200, new JsonArray(_clients.Values.Select(c => c.DeepClone()).ToArray())),
            ("POST", []) => Create(body!),
            ("GET", [var id]) => Find(id, c => Json(200, c.DeepClone())),
            ("PUT", [var id]) => Find(id, c => Update(c, body!)),
            ("DELETE", [var id]) => Find(id, _ => _clients.TryRemove(id, out var _) ? Json(204, null) : Error(404, "resource_not_found", "Client not found")),
            ("POST", [var id, "secret"]) => Find(id, _ => Json(200, new JsonObject { ["data"] = new JsonObject { ["clientId"] = id, ["secret"] = NewSecret() } })),
            _ => Error(404, "resource_not_found", "No such route"),
        };
    }

    private ResponseMessage Create(JsonObject body)
    {
        var id = Guid.NewGuid().ToString();
        var client = new JsonObject
        {
            ["id"] = id,
            ["name"] = body["name"]?.DeepClone(),
            ["description"] = body["description"]?.DeepClone(),
            ["isConfidential"] = body["isConfidential"]?.DeepClone() ?? true,
            ["redirectUris"] = body["redirectUris"]?.DeepClone(),
            ["allowedScopes"] = body["allowedScopes"]?.DeepClone() ?? new JsonArray("openid"),
            ["grantTypes"] = body["grantTypes"]?.DeepClone() ?? new JsonArray("authorization_code", "refresh_token"),
            ["requiresPkce"] = body["requiresPkce"]?.DeepClone() ?? false,
            ["isActive"] = true,
            ["accessTokenLifetime"] = body["accessTokenLifetime"]?.DeepClone() ?? 3600,
            ["refreshTokenLifetime"] = body["refreshTokenLifetime"]?.DeepClone() ?? 2592000,
            ["createdAt"] = DateTimeOffset.UtcNow.ToString("O"),
        };
        _clients[id] = client;
        var response = client.DeepClone().AsObject();
        if (client["isConfidential"]!.GetValue<bool>())
        {
            response["secret"] = NewSecret();
        }

        return Json(201, response);
    }

    private ResponseMessage Update(JsonObject client, JsonObject body)
    {
        foreach (var (name, value) in body)
        {
            client[name] = value?.DeepClone();
        }

        return Json(200, client.DeepClone());
    }

    private ResponseMessage Find(string id, Func<JsonObject, ResponseMessage> then) =>
        _clients.TryGetValue(Uri.UnescapeDataString(id), out var client) ? then(client) : Error(404, "resource_not_found", "Client not found");
}
