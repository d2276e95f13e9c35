using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using OAuthClients.Sdk.Testing.Internal;
using WireMock;

namespace OAuthClients.Sdk.Testing.Dialects.LumoAuth;

/// <summary>
/// LumoAuth as documented: <c>/t/{tenant}/api/v1/admin/oauth-clients</c>, bearer API key, UUID ids, a bare list,
/// PUT updates, <c>POST /{id}/secret</c>, <c>{ error, message, status, code, details }</c> errors, and the token
/// endpoint <c>POST /t/{tenant}/api/v1/oauth/token</c>.
/// </summary>
internal sealed class LumoAuthFake(string tenant, string apiKey, TimeProvider time) : IFakeDialect
{
    public string Collection { get; } = $"/t/{tenant}/api/v1/admin/oauth-clients";

    public string TokenPath { get; } = $"/t/{tenant}/api/v1/oauth/token";

    public bool HasIdTokens => false;

    public bool SendsRequestId => false;

    public (string UpdateMethod, string RotateSegment) Routes => ("PUT", "secret");

    public FakeResponse? Authenticate(IRequestMessage request) =>
        request.Headers is { } headers && headers.TryGetValue("Authorization", out var auth) && auth.FirstOrDefault() == $"Bearer {apiKey}"
            ? null
            : Error(401, "Invalid or expired access token");

    public void Decorate(FakeResponse response)
    {
    }

    public FakeResponse Error(int status, string message, IReadOnlyDictionary<string, string>? fieldErrors = null)
    {
        var body = new JsonObject
        {
            ["error"] = true,
            ["message"] = message,
            ["status"] = status,
            ["code"] = status switch
            {
                400 or 422 => "validation_error",
                401 => "invalid_token",
                403 => "permission_denied",
                404 => "resource_not_found",
                408 => "request_timeout",
                409 => "duplicate_resource",
                429 => "rate_limit_exceeded",
                502 => "bad_gateway",
                503 => "service_unavailable",
                504 => "gateway_timeout",
                < 500 => "invalid_request",
                _ => "internal_error",
            },
        };
        if (fieldErrors is { Count: > 0 })
        {
            body["details"] = new JsonObject(fieldErrors.Select(e => new KeyValuePair<string, JsonNode?>(e.Key, e.Value)));
        }

        return new FakeResponse(status, body);
    }

    public JsonObject ToJson(StoredClient client) => new()
    {
        ["id"] = client.Id,
        ["name"] = client.Name,
        ["description"] = client.Description,
        ["isConfidential"] = client.IsConfidential,
        ["redirectUris"] = Json.Array(client.RedirectUris),
        ["allowedScopes"] = Json.Array(client.Scopes),
        ["grantTypes"] = Json.Array(client.GrantTypes),
        ["isActive"] = client.IsActive,
        ["requiresPkce"] = client.RequirePkce,
        ["accessTokenLifetime"] = client.AccessTokenLifetime,
        ["refreshTokenLifetime"] = client.RefreshTokenLifetime,
        ["createdAt"] = client.CreatedAt.ToString("O"),
    };

    public Dictionary<string, string> ValidateCreate(JsonObject body)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Json.String(body, "name")))
        {
            errors["name"] = "Name is required";
        }

        if (Json.Strings(body, "redirectUris") is not { Count: > 0 })
        {
            errors["redirectUris"] = "At least one redirect URI is required";
        }

        OAuthRules.Check(body, "grantTypes", "allowedScopes", Json.Bool(body, "isConfidential") ?? true, errors);

        return errors;
    }

    public StoredClient NewClient(JsonObject body)
    {
        var id = Guid.NewGuid().ToString();
        var confidential = Json.Bool(body, "isConfidential") ?? true;
        var client = new StoredClient
        {
            Id = id,
            ClientId = id,
            Name = Json.String(body, "name")!,
            IsConfidential = confidential,
            Scopes = ["openid", "profile"],
            GrantTypes = confidential ? ["authorization_code", "refresh_token", "client_credentials"] : ["authorization_code", "refresh_token"],
            CreatedAt = time.GetUtcNow(),
            UpdatedAt = time.GetUtcNow(),
        };
        Apply(client, body);
        client.RequirePkce = Json.Bool(body, "requiresPkce") ?? !confidential;
        return client;
    }

    public void Apply(StoredClient client, JsonObject body)
    {
        client.Name = Json.String(body, "name") ?? client.Name;
        client.Description = body.ContainsKey("description") ? Json.String(body, "description") : client.Description;
        client.RedirectUris = Json.Strings(body, "redirectUris") ?? client.RedirectUris;
        client.Scopes = Json.Strings(body, "allowedScopes") ?? client.Scopes;
        client.GrantTypes = Json.Strings(body, "grantTypes") ?? client.GrantTypes;
        client.IsActive = Json.Bool(body, "isActive") ?? client.IsActive;
        client.AccessTokenLifetime = Json.Seconds(body, "accessTokenLifetime") ?? client.AccessTokenLifetime;
        client.RefreshTokenLifetime = Json.Seconds(body, "refreshTokenLifetime") ?? client.RefreshTokenLifetime;
        client.UpdatedAt = time.GetUtcNow();
    }

    public JsonNode CreatedResponse(StoredClient client)
    {
        var json = ToJson(client);
        if (client.Secret is not null)
        {
            json["secret"] = client.Secret;
        }

        return json;
    }

    public JsonNode ListResponse(IReadOnlyList<StoredClient> clients) => new JsonArray(clients.Select(c => (JsonNode)ToJson(c)).ToArray());

    public JsonNode SecretResponse(StoredClient client) => new JsonObject
    {
        ["data"] = new JsonObject { ["clientId"] = client.ClientId, ["secret"] = client.Secret },
        ["message"] = "Client secret rotated successfully",
    };

    public OAuthClientsOptions CreateOptions(Uri baseAddress, bool useSession) => useSession
        ? throw new NotSupportedException("LumoAuth has no session mode: it authenticates with an API key.")
        : new OAuthClientsOptions { Dialect = OAuthDialect.LumoAuth, BaseAddress = baseAddress, Tenant = tenant, ApiKey = apiKey };

    public string NewSecret() => "cs_live_" + Json.Random(32);
}
