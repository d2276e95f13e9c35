using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using OAuthClients.Sdk.Testing.Internal;
using WireMock;

namespace OAuthClients.Sdk.Testing.Dialects.Cerberus;

/// <summary>
/// Cerberus IAM as documented: <c>/v1/admin/clients</c>, API key or session cookie + CSRF token, the
/// <c>X-Org-Domain</c> header, <c>cli_</c> ids, <c>{ data, total }</c> lists, PATCH updates,
/// <c>POST /{id}/rotate-secret</c>, RFC 7807 problem details, and the token endpoint <c>POST /oauth2/token</c>. Every
/// response carries a fresh CSRF token; a write in session mode must present one the server issued.
/// </summary>
internal sealed class CerberusFake(string organisation, string apiKey, string sessionCookieName, string sessionCookie) : IFakeDialect
{
    private readonly ConcurrentDictionary<string, bool> _issuedCsrfTokens = new();

    public string Collection => "/v1/admin/clients";

    public string TokenPath => "/oauth2/token";

    public bool HasIdTokens => true;

    public bool SendsRequestId => true;

    public (string UpdateMethod, string RotateSegment) Routes => ("PATCH", "rotate-secret");

    public FakeResponse? Authenticate(IRequestMessage request)
    {
        var headers = request.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>();
        string? Header(string name) => headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

        var viaApiKey = Header("Authorization") == $"Bearer {apiKey}";
        var viaSession = (Header("Cookie") ?? string.Empty).Split(';').Select(c => c.Trim()).Contains($"{sessionCookieName}={sessionCookie}");
        if (!viaApiKey && !viaSession)
        {
            return Error(401, "Authentication required");
        }

        var org = Header("X-Org-Domain");
        if (org is null)
        {
            return Error(400, "X-Org-Domain header is required");
        }

        if (org != organisation)
        {
            return Error(403, $"Organisation mismatch: the session belongs to '{organisation}'");
        }

        if (viaSession && request.Method is not ("GET" or "HEAD" or "OPTIONS")
            && !(Header("X-CSRF-Token") is { } token && _issuedCsrfTokens.ContainsKey(token)))
        {
            return Error(403, "Invalid CSRF token");
        }

        return null;
    }

    public void Decorate(FakeResponse response)
    {
        var token = Json.Random(24);
        _issuedCsrfTokens[token] = true;
        response.Headers["X-CSRF-Token"] = token;
        response.Headers["Set-Cookie"] = $"cerb_csrf={token}; Path=/; SameSite=Lax";
    }

    public FakeResponse Error(int status, string message, IReadOnlyDictionary<string, string>? fieldErrors = null)
    {
        var (slug, title) = status switch
        {
            400 => ("bad-request", "Bad Request"),
            401 => ("unauthorized", "Unauthorized"),
            403 => ("forbidden", "Forbidden"),
            404 => ("not-found", "Not Found"),
            408 => ("request-timeout", "Request Timeout"),
            409 => ("conflict", "Conflict"),
            422 => ("unprocessable-entity", "Unprocessable Entity"),
            429 => ("rate-limit", "Too Many Requests"),
            502 => ("bad-gateway", "Bad Gateway"),
            503 => ("service-unavailable", "Service Unavailable"),
            504 => ("gateway-timeout", "Gateway Timeout"),
            < 500 => ("bad-request", "Bad Request"),
            _ => ("internal-error", "Internal Server Error"),
        };
        var body = new JsonObject
        {
            ["type"] = $"https://cerberus-iam.dev/problems/{slug}",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = message,
        };
        if (fieldErrors is { Count: > 0 })
        {
            body["errors"] = new JsonArray(fieldErrors.Select(e => (JsonNode)new JsonObject
            {
                ["code"] = "invalid_type",
                ["path"] = new JsonArray(e.Key),
                ["message"] = e.Value,
            }).ToArray());
        }

        return new FakeResponse(status, body);
    }

    public JsonObject ToJson(StoredClient client) => new()
    {
        ["id"] = client.Id,
        ["clientId"] = client.ClientId,
        ["name"] = client.Name,
        ["description"] = client.Description,
        ["clientType"] = client.IsConfidential ? "confidential" : "public",
        ["redirectUris"] = Json.Array(client.RedirectUris),
        ["allowedOrigins"] = Json.Array(client.AllowedOrigins),
        ["scopes"] = Json.Array(client.Scopes),
        ["grantTypes"] = Json.Array(client.GrantTypes),
        ["requirePkce"] = client.RequirePkce,
        ["requireConsent"] = client.RequireConsent,
        ["isFirstParty"] = client.IsFirstParty,
        ["isActive"] = client.IsActive,
        ["accessTokenLifetime"] = client.AccessTokenLifetime,
        ["refreshTokenLifetime"] = client.RefreshTokenLifetime,
        ["idTokenLifetime"] = client.IdTokenLifetime,
        ["tokenEndpointAuthMethod"] = client.IsConfidential ? "client_secret_basic" : "none",
        ["createdAt"] = client.CreatedAt.ToString("O"),
        ["updatedAt"] = client.UpdatedAt.ToString("O"),
    };

    public Dictionary<string, string> ValidateCreate(JsonObject body)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Json.String(body, "name")))
        {
            errors["name"] = "Required";
        }

        if (Json.String(body, "clientType") is not ("confidential" or "public"))
        {
            errors["clientType"] = "Expected 'confidential' | 'public'";
        }

        if (Json.Strings(body, "redirectUris") is not { Count: > 0 })
        {
            errors["redirectUris"] = "Array must contain at least 1 element(s)";
        }

        if (Json.Strings(body, "scopes") is not { Count: > 0 })
        {
            errors["scopes"] = "Array must contain at least 1 element(s)";
        }

        OAuthRules.Check(body, "grantTypes", "scopes", Json.String(body, "clientType") == "confidential", errors);

        return errors;
    }

    public StoredClient NewClient(JsonObject body)
    {
        var confidential = Json.String(body, "clientType") == "confidential";
        var client = new StoredClient
        {
            Id = "cli_" + Json.Random(26),
            ClientId = "cerberus_cli_" + Json.Random(12),
            Name = Json.String(body, "name")!,
            IsConfidential = confidential,
            GrantTypes = Json.Strings(body, "grantTypes") ?? ["authorization_code", "refresh_token"],
            RequirePkce = Json.Bool(body, "requirePkce") ?? !confidential,
            IsFirstParty = Json.Bool(body, "isFirstParty") ?? false,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        Apply(client, body);
        return client;
    }

    public void Apply(StoredClient client, JsonObject body)
    {
        client.Name = Json.String(body, "name") ?? client.Name;
        client.Description = body.ContainsKey("description") ? Json.String(body, "description") : client.Description;
        client.RedirectUris = Json.Strings(body, "redirectUris") ?? client.RedirectUris;
        client.AllowedOrigins = Json.Strings(body, "allowedOrigins") ?? client.AllowedOrigins;
        client.Scopes = Json.Strings(body, "scopes") ?? client.Scopes;
        client.RequireConsent = Json.Bool(body, "requireConsent") ?? client.RequireConsent;
        client.IsActive = Json.Bool(body, "isActive") ?? client.IsActive;
        client.AccessTokenLifetime = Json.Seconds(body, "accessTokenLifetime") ?? client.AccessTokenLifetime;
        client.RefreshTokenLifetime = Json.Seconds(body, "refreshTokenLifetime") ?? client.RefreshTokenLifetime;
        client.IdTokenLifetime = Json.Seconds(body, "idTokenLifetime") ?? client.IdTokenLifetime;
        client.UpdatedAt = DateTimeOffset.UtcNow;
    }

    public JsonNode CreatedResponse(StoredClient client)
    {
        var json = ToJson(client);
        json["clientSecret"] = client.Secret;
        return json;
    }

    public JsonNode ListResponse(IReadOnlyList<StoredClient> clients) => new JsonObject
    {
        ["data"] = new JsonArray(clients.Select(c => (JsonNode)ToJson(c)).ToArray()),
        ["total"] = clients.Count,
    };

    public JsonNode SecretResponse(StoredClient client) => new JsonObject { ["clientSecret"] = client.Secret };

    public string NewSecret() => "secret_" + Json.Random(32);

    /// <summary><c>POST /{id}/revoke</c>: deactivates the client and revokes its tokens.</summary>
    public FakeResponse? Action(string method, string action, StoredClient client, JsonObject? body)
    {
        if ((method, action) is not ("POST", "revoke"))
        {
            return null;
        }

        client.IsActive = false;
        client.TokensRevokedAt = DateTimeOffset.UtcNow;
        client.UpdatedAt = DateTimeOffset.UtcNow;
        return new FakeResponse(200, new JsonObject { ["message"] = "OAuth2 client revoked" });
    }

    public OAuthClientsOptions CreateOptions(Uri baseAddress, bool useSession) => new()
    {
        Dialect = OAuthDialect.Cerberus,
        BaseAddress = baseAddress,
        Tenant = organisation,
        ApiKey = useSession ? null : apiKey,
        SessionCookie = useSession ? sessionCookie : null,
        SessionCookieName = sessionCookieName,
    };
}
