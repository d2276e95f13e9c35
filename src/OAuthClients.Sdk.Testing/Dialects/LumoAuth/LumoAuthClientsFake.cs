using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using OAuthClients.Sdk.Testing.Internal;
using WireMock;

namespace OAuthClients.Sdk.Testing.Dialects.LumoAuth;

/// <summary>
/// LumoAuth's current admin API, as its admin docs, CLI and OpenAPI spec describe it: <c>/t/{tenant}/api/v1/admin/clients</c>,
/// the API key in <c>X-API-Key</c> (never with <c>Authorization</c>), integer ids beside string client ids (a path takes
/// either), <c>{ data, message }</c> envelopes, lists of summaries with <c>meta</c>/<c>pagination</c>, <c>page</c>,
/// <c>limit</c> (default 25, max 100) and <c>search</c>, PATCH updates, <c>/rotate-secret</c>, <c>/enable</c>,
/// <c>/disable</c>, <c>/tokens</c> and <c>/scopes</c>. Errors and secrets as <see cref="LumoAuthFake"/>.
/// </summary>
internal sealed class LumoAuthClientsFake(string tenant, string apiKey) : IFakeDialect
{
    private const int DefaultLimit = 25;
    private const int MaxLimit = 100;

    private readonly LumoAuthFake _shared = new(tenant, apiKey, TimeProvider.System);
    private int _lastId;

    public string Collection { get; } = $"/t/{tenant}/api/v1/admin/clients";

    public bool HasIdTokens => false;

    public bool SendsRequestId => _shared.SendsRequestId;

    public string TokenPath => _shared.TokenPath;

    public (string UpdateMethod, string RotateSegment) Routes => ("PATCH", "rotate-secret");

    public FakeResponse? Authenticate(IRequestMessage request)
    {
        var headers = request.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>();
        if (headers.Keys.Any(k => string.Equals(k, "Authorization", StringComparison.OrdinalIgnoreCase)))
        {
            // LumoAuth's SDKs: the server refuses ambiguous credentials.
            return Error(401, "Send either X-API-Key or Authorization, not both");
        }

        var key = headers.FirstOrDefault(h => string.Equals(h.Key, "X-API-Key", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return key == apiKey ? null : Error(401, "Invalid or missing API key");
    }

    public void Decorate(FakeResponse response)
    {
    }

    public FakeResponse Error(int status, string message, IReadOnlyDictionary<string, string>? fieldErrors = null) => _shared.Error(status, message, fieldErrors);

    /// <summary>The detailed client object of get and update.</summary>
    public JsonObject ToJson(StoredClient client)
    {
        var json = Summary(client);
        json["redirectUris"] = Json.Array(client.RedirectUris);
        json["scopes"] = Json.Array(client.Scopes);
        json["grantTypes"] = Json.Array(client.GrantTypes);
        return json;
    }

    public Dictionary<string, string> ValidateCreate(JsonObject body)
    {
        var errors = _shared.ValidateCreate(body);
        if (Json.String(body, "applicationType") is { } type && type is not ("web" or "spa" or "native" or "m2m"))
        {
            errors["applicationType"] = "Must be one of web, spa, native, m2m";
        }

        return errors;
    }

    public StoredClient NewClient(JsonObject body)
    {
        var type = Json.String(body, "applicationType");
        var confidential = Json.Bool(body, "isConfidential") ?? type is not ("spa" or "native");
        var now = DateTimeOffset.UtcNow;
        var client = new StoredClient
        {
            Id = (++_lastId).ToString(CultureInfo.InvariantCulture),
            ClientId = "lmc_" + Json.Random(20),
            Name = Json.String(body, "name")!,
            IsConfidential = confidential,
            ApplicationType = type,
            Scopes = ["openid", "profile"],
            GrantTypes = confidential ? ["authorization_code", "refresh_token", "client_credentials"] : ["authorization_code", "refresh_token"],
            CreatedAt = now,
            UpdatedAt = now,
        };
        Apply(client, body);
        client.RequirePkce = Json.Bool(body, "requiresPkce") ?? !confidential;
        return client;
    }

    public void Apply(StoredClient client, JsonObject body)
    {
        client.Name = Json.String(body, "name") ?? client.Name;
        client.RedirectUris = Json.Strings(body, "redirectUris") ?? client.RedirectUris;
        client.Scopes = Json.Strings(body, "allowedScopes") ?? Json.Strings(body, "scopes") ?? client.Scopes;
        client.GrantTypes = Json.Strings(body, "grantTypes") ?? client.GrantTypes;
        client.IsActive = Json.Bool(body, "isActive") ?? client.IsActive;
        client.UpdatedAt = DateTimeOffset.UtcNow;
    }

    public JsonNode CreatedResponse(StoredClient client)
    {
        var data = ToJson(client);
        if (client.Secret is not null)
        {
            data["secret"] = client.Secret;
            data["_note"] = "Store the secret securely. It will not be shown again.";
        }

        return Envelope(data, "OAuth client created successfully");
    }

    public JsonNode ListResponse(IReadOnlyList<StoredClient> clients) => ListResponse(clients, search: null, page: 1, limit: DefaultLimit);

    public JsonNode ListResponse(IReadOnlyList<StoredClient> clients, IRequestMessage request) =>
        ListResponse(clients, Query(request, "search"), Math.Max(1, Number(request, "page") ?? 1), Math.Clamp(Number(request, "limit") ?? DefaultLimit, 1, MaxLimit));

    public JsonNode SecretResponse(StoredClient client) => Envelope(
        new JsonObject { ["clientId"] = client.ClientId, ["secret"] = client.Secret, ["_note"] = "Store the new secret securely. It will not be shown again." },
        "Client secret rotated successfully");

    public FakeResponse Deleted() => new(200, new JsonObject { ["message"] = "OAuth client deleted successfully" });

    public bool Matches(StoredClient client, string id) => client.Id == id || client.ClientId == id;

    public FakeResponse? Action(string method, string action, StoredClient client, JsonObject? body)
    {
        switch (method, action)
        {
            case ("POST", "enable"):
            case ("POST", "disable"):
                client.IsActive = action == "enable";
                client.UpdatedAt = DateTimeOffset.UtcNow;
                return new FakeResponse(200, Envelope(Summary(client), $"OAuth client {action}d successfully"));
            case ("DELETE", "tokens"):
            case ("POST", "tokens/revoke"):
                client.TokensRevokedAt = DateTimeOffset.UtcNow;
                return new FakeResponse(200, new JsonObject { ["message"] = "0 token(s) revoked successfully" });
            case ("GET", "scopes"):
                return new FakeResponse(200, new JsonObject { ["data"] = Json.Array(client.Scopes) });
            case ("PUT", "scopes"):
                if (body is null || Json.Strings(body, "scopes") is not { } scopes)
                {
                    return Error(400, "Validation failed", new Dictionary<string, string> { ["scopes"] = "An array of scope names is required" });
                }

                client.Scopes = scopes;
                client.UpdatedAt = DateTimeOffset.UtcNow;
                return new FakeResponse(200, new JsonObject { ["data"] = Json.Array(client.Scopes), ["message"] = "Client scopes updated successfully" });
            default:
                return null;
        }
    }

    public string NewSecret() => _shared.NewSecret();

    public OAuthClientsOptions CreateOptions(Uri baseAddress, bool useSession) => useSession
        ? throw new NotSupportedException("LumoAuth has no session mode: it authenticates with an API key.")
        : new OAuthClientsOptions { Dialect = OAuthDialect.LumoAuth, LumoAuthApi = LumoAuthApi.Clients, BaseAddress = baseAddress, Tenant = tenant, ApiKey = apiKey };

    private static JsonObject Envelope(JsonNode data, string message) => new() { ["data"] = data, ["message"] = message };

    /// <summary>The list item: no redirect URIs, scopes or grant types.</summary>
    private static JsonObject Summary(StoredClient client)
    {
        var json = new JsonObject
        {
            ["id"] = long.Parse(client.Id, CultureInfo.InvariantCulture),
            ["clientId"] = client.ClientId,
            ["name"] = client.Name,
            ["isConfidential"] = client.IsConfidential,
            ["isPublic"] = !client.IsConfidential,
            ["isActive"] = client.IsActive,
            ["requiresPkce"] = client.RequirePkce,
            ["createdAt"] = client.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        if (client.ApplicationType is not null)
        {
            json["applicationType"] = client.ApplicationType;
        }

        return json;
    }

    private static string? Query(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    private static int? Number(IRequestMessage request, string name) =>
        int.TryParse(Query(request, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static JsonObject ListResponse(IReadOnlyList<StoredClient> clients, string? search, int page, int limit)
    {
        var matching = clients
            .Where(c => search is null || c.Name.Contains(search, StringComparison.OrdinalIgnoreCase) || c.ClientId.Contains(search, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var totalPages = Math.Max(1, (matching.Count + limit - 1) / limit);
        JsonObject Meta() => new()
        {
            ["total"] = matching.Count,
            ["page"] = page,
            ["limit"] = limit,
            ["totalPages"] = totalPages,
            ["hasNextPage"] = page < totalPages,
            ["hasPreviousPage"] = page > 1,
        };
        return new JsonObject
        {
            ["data"] = new JsonArray(matching.Skip((page - 1) * limit).Take(limit).Select(c => (JsonNode)Summary(c)).ToArray()),
            ["meta"] = Meta(),
            ["pagination"] = Meta(),
            ["resourceType"] = "clients",
        };
    }
}
