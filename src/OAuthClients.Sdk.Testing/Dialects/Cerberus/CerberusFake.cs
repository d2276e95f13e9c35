using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using OAuthClients.Sdk.Testing.Internal;
using WireMock;

namespace OAuthClients.Sdk.Testing.Dialects.Cerberus;

/// <summary>
/// Cerberus IAM as documented: <c>/v1/admin/clients</c>, API key, a pasted session cookie that does not expire, or
/// login sessions (<c>POST /v1/auth/login</c>, <c>DELETE /v1/auth/session</c>, <c>POST /v1/auth/logout</c>) that end
/// at their lifetime or after an idle gap on the fake's clock, <c>GET /v1/me/profile</c>, the <c>X-Org-Domain</c>
/// header, permissions per account, <c>cli_</c> ids, <c>{ data, total }</c> lists, PATCH updates,
/// <c>POST /{id}/rotate-secret</c>, RFC 7807 problem details, and the token endpoint <c>POST /oauth2/token</c>. Every
/// response carries a fresh CSRF token and the <c>cerb_csrf</c> cookie it belongs to; a write in a session must present
/// a token the server issued, with its cookie.
/// </summary>
internal sealed class CerberusFake : IFakeDialect, IFakeLogin
{
    private const string CsrfCookie = "cerb_csrf";
    private const int LoginsPerMinute = 30;
    private static readonly JsonObject ApiKeyProfile = new() { ["id"] = "api-key", ["name"] = "API key" };

    private readonly string _organisation;
    private readonly string _apiKey;
    private readonly string _sessionCookieName;
    private readonly string _sessionCookie;
    private readonly FakeServerOptions _settings;
    private readonly ConcurrentDictionary<string, string> _csrfSecrets = new();
    private readonly ConcurrentDictionary<string, FakeAccount> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Session> _sessions = new();
    private readonly Queue<DateTimeOffset> _recentLogins = new();

    public CerberusFake(string organisation, string apiKey, string sessionCookieName, string sessionCookie, FakeServerOptions settings)
    {
        _organisation = organisation;
        _apiKey = apiKey;
        _sessionCookieName = sessionCookieName;
        _sessionCookie = sessionCookie;
        _settings = settings;
        DefaultAccount = new FakeAccount("admin-bot@acme.test", "pw_" + Json.Random(24));
        AddAccount(DefaultAccount);
    }

    public string Collection => "/v1/admin/clients";

    public string TokenPath => "/oauth2/token";

    public bool HasIdTokens => true;

    public bool SendsRequestId => true;

    public (string UpdateMethod, string RotateSegment) Routes => ("PATCH", "rotate-secret");

    public FakeAccount DefaultAccount { get; }

    private DateTimeOffset Now => _settings.TimeProvider.GetUtcNow();

    public void AddAccount(FakeAccount account) => _accounts[account.Email] = account;

    public OAuthClientsOptions CreateLoginOptions(Uri baseAddress, FakeAccount account) => new()
    {
        Dialect = OAuthDialect.Cerberus,
        BaseAddress = baseAddress,
        Tenant = _organisation,
        SessionCookieName = _sessionCookieName,
        Login = new LoginOptions { Email = account.Email, Password = account.Password },
    };

    /// <summary>Answers the auth routes and the profile, refuses what is not allowed, and lets the rest through.</summary>
    public FakeResponse? Authenticate(IRequestMessage request)
    {
        var headers = request.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>();
        string? Header(string name) => headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        var cookies = (Header("Cookie") ?? string.Empty).Split(';').Select(c => c.Trim().Split('=', 2)).Where(c => c.Length == 2)
            .GroupBy(c => c[0]).ToDictionary(g => g.Key, g => g.First()[1]);
        var sessionId = cookies.GetValueOrDefault(_sessionCookieName);

        switch (request.Method, request.AbsolutePath)
        {
            // CSRF-exempt, like every /v1/auth route.
            case ("POST", "/v1/auth/login"):
                return LogIn(request.Body);
            case ("DELETE", "/v1/auth/session"):
                return LogOut(sessionId, new FakeResponse(204, null));
            case ("POST", "/v1/auth/logout"):
                return LogOut(sessionId, new FakeResponse(200, new JsonObject { ["message"] = "Logged out" }));
        }

        var viaApiKey = Header("Authorization") == $"Bearer {_apiKey}";
        FakeAccount? account = null;
        if (!viaApiKey)
        {
            if (sessionId is null)
            {
                return Error(401, "No session cookie found");
            }

            account = sessionId == _sessionCookie ? DefaultAccount : Resume(sessionId);
            if (account is null)
            {
                var expired = Error(401, "Invalid or expired session");
                expired.Cookies.Add($"{_sessionCookieName}=; Path=/; HttpOnly; Max-Age=0");
                return expired;
            }
        }

        var org = Header("X-Org-Domain");
        if (org is null)
        {
            return Error(400, "X-Org-Domain header is required");
        }

        if (org != _organisation)
        {
            var mismatch = Error(403, "Session does not match organisation context");
            mismatch.Cookies.Add($"{_sessionCookieName}=; Path=/; HttpOnly; Max-Age=0");
            return mismatch;
        }

        if (account is not null && request.Method is not ("GET" or "HEAD" or "OPTIONS")
            && !(Header("X-CSRF-Token") is { } token && _csrfSecrets.TryGetValue(token, out var secret) && cookies.GetValueOrDefault(CsrfCookie) == secret))
        {
            return Error(403, "Invalid CSRF token");
        }

        if (request.Method == "GET" && request.AbsolutePath == "/v1/me/profile")
        {
            return new FakeResponse(200, account is null ? ApiKeyProfile.DeepClone() : Profile(account));
        }

        return account is not null && Permission(request) is { } permission && !account.Permissions.Contains(permission)
            ? Error(403, $"Missing permission: {permission}")
            : null;
    }

    public void Decorate(FakeResponse response)
    {
        var token = Json.Random(24);
        var secret = Json.Random(24);
        _csrfSecrets[token] = secret;
        response.Headers["X-CSRF-Token"] = token;
        response.Cookies.Add($"{CsrfCookie}={secret}; Path=/; HttpOnly; SameSite=Lax");
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
        ["organisationId"] = client.OrganisationId,
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
        ["revoked"] = false,
        ["accessTokenLifetime"] = client.AccessTokenLifetime,
        ["refreshTokenLifetime"] = client.RefreshTokenLifetime,
        ["idTokenLifetime"] = client.IdTokenLifetime,
        ["tokenEndpointAuthMethod"] = client.TokenEndpointAuthMethod,
        ["refreshTokenRotation"] = client.RefreshTokenRotation,
        ["logoUri"] = client.LogoUri,
        ["policyUri"] = client.PolicyUri,
        ["tosUri"] = client.TosUri,
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
        if (Json.String(body, "tokenEndpointAuthMethod") is { } method && method is not ("client_secret_basic" or "client_secret_post" or "none"))
        {
            errors["tokenEndpointAuthMethod"] = "Expected 'client_secret_basic' | 'client_secret_post' | 'none'";
        }

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
            OrganisationId = "org_" + _organisation,
            TokenEndpointAuthMethod = Json.String(body, "tokenEndpointAuthMethod") ?? (confidential ? "client_secret_basic" : "none"),
            RefreshTokenRotation = "rotating",
            LogoUri = Json.String(body, "logoUri"),
            PolicyUri = Json.String(body, "policyUri"),
            TosUri = Json.String(body, "tosUri"),
            CreatedAt = Now,
            UpdatedAt = Now,
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
        client.UpdatedAt = Now;
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
        client.TokensRevokedAt = Now;
        client.UpdatedAt = Now;
        return new FakeResponse(200, new JsonObject { ["message"] = "OAuth2 client revoked" });
    }

    public OAuthClientsOptions CreateOptions(Uri baseAddress, bool useSession) => new()
    {
        Dialect = OAuthDialect.Cerberus,
        BaseAddress = baseAddress,
        Tenant = _organisation,
        ApiKey = useSession ? null : _apiKey,
        SessionCookie = useSession ? _sessionCookie : null,
        SessionCookieName = _sessionCookieName,
    };

    /// <summary>The permission a client route needs, or <see langword="null"/> outside the collection.</summary>
    private string? Permission(IRequestMessage request) =>
        !request.AbsolutePath.StartsWith(Collection, StringComparison.Ordinal) ? null
        : request.Method switch
        {
            "GET" or "HEAD" => "clients:read",
            "POST" when request.AbsolutePath.TrimEnd('/') == Collection => "clients:create",
            "DELETE" => "clients:delete",
            _ => "clients:update",
        };

    private FakeResponse LogIn(string? body)
    {
        JsonObject? credentials;
        try
        {
            credentials = string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            credentials = null;
        }

        if (!UnderLoginLimit())
        {
            var limited = Error(429, "Too many login attempts, please try again later");
            limited.Headers["Retry-After"] = "60";
            return limited;
        }

        var email = credentials is null ? null : Json.String(credentials, "email");
        if (email is null || !_accounts.TryGetValue(email, out var account) || Json.String(credentials!, "password") != account.Password)
        {
            return Error(401, "Invalid email or password");
        }

        if (account.IsBlocked)
        {
            return Error(401, "Account is blocked");
        }

        if (account.RequiresMfaEnrollment || account.RequiresMfa)
        {
            var refusal = Error(401, account.RequiresMfaEnrollment ? "MFA enrollment required before logging in" : "Multi-factor authentication required");
            refusal.Body![account.RequiresMfaEnrollment ? "requiresEnrollment" : "requiresMfa"] = true;
            return refusal;
        }

        var id = Json.Random(32);
        _sessions[id] = new Session(account, Now + _settings.SessionLifetime) { LastSeen = Now };
        var response = new FakeResponse(200, new JsonObject
        {
            ["message"] = "Login successful",
            ["user"] = new JsonObject { ["id"] = UserId(account), ["email"] = account.Email, ["name"] = Name(account) },
            ["organisation"] = Organisation(),
        });
        response.Cookies.Add($"{_sessionCookieName}={id}; Path=/; HttpOnly; SameSite=Lax; Max-Age={(long)_settings.SessionLifetime.TotalSeconds}");
        return response;
    }

    private FakeResponse LogOut(string? sessionId, FakeResponse response)
    {
        if (sessionId is not null)
        {
            _sessions.TryRemove(sessionId, out _);
        }

        response.Cookies.Add($"{_sessionCookieName}=; Path=/; HttpOnly; Max-Age=0");
        response.Cookies.Add($"{CsrfCookie}=; Path=/; Max-Age=0");
        return response;
    }

    /// <summary>The account of a live login session, which this use keeps alive; <see langword="null"/> when it is over.</summary>
    private FakeAccount? Resume(string sessionId)
    {
        if (!_sessions.TryGetValue(sessionId, out var session))
        {
            return null;
        }

        var now = Now;
        if (now >= session.ExpiresAt || now - session.LastSeen >= _settings.SessionIdleTimeout)
        {
            _sessions.TryRemove(sessionId, out _);
            return null;
        }

        session.LastSeen = now;
        return session.Account;
    }

    private bool UnderLoginLimit()
    {
        lock (_recentLogins)
        {
            var now = Now;
            while (_recentLogins.Count > 0 && now - _recentLogins.Peek() >= TimeSpan.FromMinutes(1))
            {
                _recentLogins.Dequeue();
            }

            if (_recentLogins.Count >= LoginsPerMinute)
            {
                return false;
            }

            _recentLogins.Enqueue(now);
            return true;
        }
    }

    private JsonObject Profile(FakeAccount account) => new()
    {
        ["id"] = UserId(account),
        ["email"] = account.Email,
        ["name"] = Name(account),
        ["mfaEnabled"] = account.RequiresMfa,
        ["organisation"] = Organisation(),
        ["roles"] = new JsonArray(account.Permissions.Count == FakeAccount.AllClientPermissions.Count ? "admin" : "member"),
        ["permissions"] = Json.Array(account.Permissions),
    };

    private JsonObject Organisation() => new() { ["id"] = "org_" + _organisation, ["slug"] = _organisation, ["name"] = _organisation.ToUpperInvariant() };

    private static string UserId(FakeAccount account) => "usr_" + account.Email.Split('@')[0];

    private static string Name(FakeAccount account) => account.Email.Split('@')[0];

    private sealed class Session(FakeAccount account, DateTimeOffset expiresAt)
    {
        public FakeAccount Account { get; } = account;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public DateTimeOffset LastSeen { get; set; }
    }
}
