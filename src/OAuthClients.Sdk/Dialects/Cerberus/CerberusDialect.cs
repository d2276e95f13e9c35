using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using OAuthClients.Sdk.Http;
using OAuthClients.Sdk.Internal;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>
/// Cerberus IAM's admin API: <c>/v1/admin/clients</c>, session cookie + CSRF or API key, <c>X-Org-Domain</c>,
/// PATCH for updates, <c>POST /{id}/rotate-secret</c>, RFC 7807 problem details.
/// </summary>
internal sealed class CerberusDialect : IOAuthDialect
{
    private const string DialectName = "Cerberus";
    private const string Collection = "v1/admin/clients";
    private const string Profile = "v1/me/profile";
    private static readonly string[] ReadClientsPermissions = ["clients:read", "clients:*", "*"];
    private static readonly HttpMethod Patch = new("PATCH");

    // The bodies of enable and disable (read-only once built: their members are init-only).
    private static readonly CerberusClientBody ActiveBody = new() { IsActive = true };
    private static readonly CerberusClientBody InactiveBody = new() { IsActive = false };

    public CerberusDialect(OAuthClientsOptions options, IOAuthClientsTokenProvider? tokenProvider)
    {
        var credentials = new CredentialRegistry();
        Authenticator = new CerberusAuthenticator(options, WhoAmI(), BearerAuthenticator.For(options, tokenProvider, credentials), credentials);
    }

    public string Name => DialectName;

    public IRequestAuthenticator Authenticator { get; }

    public static void Validate(OAuthClientsOptions options, bool hasTokenProvider, List<string> problems)
    {
        DialectRegistry.RequireOneCredential(
            problems,
            DialectName,
            "set ApiKey, or Login (a service account's Email and Password) for login mode, or SessionCookie for session mode, or register a token provider with AddOAuthClientsTokenProvider",
            "ApiKey, Login, SessionCookie and a registered token provider",
            options.ApiKey is not null,
            options.Login is not null,
            options.SessionCookie is not null,
            hasTokenProvider);

        if (options.SessionCookie is null && options.CsrfToken is not null)
        {
            problems.Add("CsrfToken is only used with SessionCookie (session mode); bearer tokens need no CSRF token, and login mode gets its own: remove it.");
        }

        if (options.Login is { } login)
        {
            if (string.IsNullOrWhiteSpace(login.Email) || login.Email!.IndexOf('@') < 1 || RequestRules.HasControlCharacter(login.Email))
            {
                problems.Add("Login:Email is required: set it to the email of the Cerberus service account (an address such as bot@example.com).");
            }

            if (string.IsNullOrEmpty(login.Password) || RequestRules.HasControlCharacter(login.Password!))
            {
                problems.Add("Login:Password is required and must not contain control characters: set it to the service account's password.");
            }

            if (login.IdleTimeout <= TimeSpan.Zero)
            {
                problems.Add($"Login:IdleTimeout is {login.IdleTimeout}: it must be positive (the organisation's sessionIdleTimeout, 30 minutes by default).");
            }
        }

        if (options.LumoAuthApi != LumoAuthApi.OAuthClients || options.LumoAuthRoutePrefix != LumoAuthRoutePrefix.Tenant)
        {
            problems.Add("LumoAuthApi and LumoAuthRoutePrefix are LumoAuth settings that Cerberus does not use: remove them.");
        }

        if (options.ClientCredentials is not null)
        {
            problems.Add("ClientCredentials is a LumoAuth setting that Cerberus does not use: remove it (Cerberus authenticates with ApiKey, SessionCookie or a token provider).");
        }

        if (string.IsNullOrWhiteSpace(options.SessionCookieName) || options.SessionCookieName.Any(c => c is ';' or '=' or ',' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problems.Add($"SessionCookieName must be a cookie name such as '{OAuthClientsOptions.DefaultSessionCookieName}' or 'cerb_sid', without white space, ';', '=' or ','.");
        }
    }

    public void Validate(CreateOAuthClientRequest request)
    {
        if (request.ApplicationType is not null)
        {
            throw RequestRules.Unsupported(nameof(request.ApplicationType), DialectName, nameof(request));
        }

        if (request.AllowedScopes is null || request.AllowedScopes.Count == 0)
        {
            throw new ArgumentException("AllowedScopes is required by Cerberus (its create request requires 'scopes'): give at least one scope, such as 'openid'. Nothing was sent.", nameof(request));
        }
    }

    public void Validate(UpdateOAuthClientRequest request)
    {
        if (request.GrantTypes is not null)
        {
            throw RequestRules.Unsupported("GrantTypes on update", DialectName, nameof(request));
        }
    }

    public void Validate(OAuthClientListOptions options)
    {
        if (options.Search is not null)
        {
            throw new NotSupportedException("Search is not supported by Cerberus: its list has no search parameter (it returns every client at once). Nothing was sent.");
        }
    }

    // No server-side pagination: the first request gets every client, whatever the page size.
    public ListPage? FirstPage(OAuthClientListOptions options) => null;

    public ApiRequest List(ListPage? page, OAuthClientListOptions options) => new(HttpMethod.Get, ListPage.Path(Collection, page));

    public ApiRequest Get(string escapedId) => new(HttpMethod.Get, $"{Collection}/{escapedId}");

    public ApiRequest Create(CreateOAuthClientRequest request) => new(HttpMethod.Post, Collection, new CerberusClientBody
    {
        Name = request.Name,
        Description = request.Description,
        ClientType = request.IsConfidential ? "confidential" : "public",
        RedirectUris = request.RedirectUris,
        AllowedOrigins = request.AllowedOrigins,
        Scopes = request.AllowedScopes,
        GrantTypes = request.GrantTypes,
        RequirePkce = request.RequirePkce,
        RequireConsent = request.RequireConsent,
        IsFirstParty = request.IsFirstParty,
        AccessTokenLifetime = Wire.Seconds(request.AccessTokenLifetime),
        RefreshTokenLifetime = Wire.Seconds(request.RefreshTokenLifetime),
        IdTokenLifetime = Wire.Seconds(request.IdTokenLifetime),
        TokenEndpointAuthMethod = request.TokenEndpointAuthMethod,
        LogoUri = request.LogoUri,
        PolicyUri = request.PolicyUri,
        TosUri = request.TosUri,
    },
    CerberusJsonContext.Default.CerberusClientBody);

    public ApiRequest Update(string escapedId, UpdateOAuthClientRequest request) => new(Patch, $"{Collection}/{escapedId}", new CerberusClientBody
    {
        Name = request.Name,
        Description = request.Description,
        RedirectUris = request.RedirectUris,
        AllowedOrigins = request.AllowedOrigins,
        Scopes = request.AllowedScopes,
        RequireConsent = request.RequireConsent,
        IsActive = request.IsActive,
        AccessTokenLifetime = Wire.Seconds(request.AccessTokenLifetime),
        RefreshTokenLifetime = Wire.Seconds(request.RefreshTokenLifetime),
        IdTokenLifetime = Wire.Seconds(request.IdTokenLifetime),
    },
    CerberusJsonContext.Default.CerberusClientBody);

    public ApiRequest Delete(string escapedId) => new(HttpMethod.Delete, $"{Collection}/{escapedId}");

    public ApiRequest RotateSecret(string escapedId) => new(HttpMethod.Post, $"{Collection}/{escapedId}/rotate-secret");

    /// <summary>The profile: who the session (or key) is, and a fresh CSRF token, which makes it the cheap way to get one.</summary>
    public ApiRequest WhoAmI() => new(HttpMethod.Get, Profile);

    public OAuthClientsIdentity ReadIdentity(ReadOnlySpan<byte> body)
    {
        var profile = Wire.Deserialize(body, CerberusJsonContext.Default.CerberusProfileDto).Unwrapped;
        var permissions = Wire.Strings(profile.Permissions);
        return new OAuthClientsIdentity
        {
            Id = profile.Id,
            Email = profile.Email,
            Name = profile.Name,
            OrganisationId = profile.Organisation?.Id,
            Organisation = profile.Organisation?.Slug,
            OrganisationName = profile.Organisation?.Name,
            MfaEnabled = profile.MfaEnabled,
            Roles = (profile.Roles ?? []).Select(RoleName).Where(name => !string.IsNullOrWhiteSpace(name)).Select(name => name!).ToArray(),
            Permissions = permissions,
            CanReadClients = profile.Permissions is null ? null : permissions.Any(p => ReadClientsPermissions.Contains(p, StringComparer.OrdinalIgnoreCase)),
        };
    }

    // Cerberus has no enable/disable endpoints: its update takes isActive.
    public ApiRequest Enable(string escapedId) => SetActive(escapedId, true);

    public ApiRequest Disable(string escapedId) => SetActive(escapedId, false);

    /// <summary>Cerberus' revoke also deactivates the client: its tokens are revoked and it obtains no new ones until enabled.</summary>
    public ApiRequest RevokeTokens(string escapedId) => new(HttpMethod.Post, $"{Collection}/{escapedId}/revoke") { Repeatable = true };

    public ApiRequest GetScopes(string escapedId) => Get(escapedId);

    public ApiRequest ReplaceScopes(string escapedId, IReadOnlyList<string> scopes) => Update(escapedId, new UpdateOAuthClientRequest { AllowedScopes = scopes });

    public IReadOnlyList<string> ReadScopes(ReadOnlySpan<byte> body) => ReadClient(body).AllowedScopes;

    public ListShape ListShape { get; } = new(["data", "clients"], ReadListItems, ReadListEnd);

    public OAuthClient ReadClient(ReadOnlySpan<byte> body) => ReadFields(body).ToModel();

    public CreatedOAuthClient ReadCreated(ReadOnlySpan<byte> body)
    {
        var fields = ReadFields(body);
        return new CreatedOAuthClient(fields.ToModel(), string.IsNullOrWhiteSpace(fields.ClientSecret) ? null : new ClientSecret(fields.ClientSecret!));
    }

    public ClientSecret ReadSecret(ReadOnlySpan<byte> body)
    {
        var secret = ReadFields(body).ClientSecret;
        return string.IsNullOrWhiteSpace(secret) ? throw new JsonException("The response has no 'clientSecret'.") : new ClientSecret(secret!);
    }

    /// <summary>RFC 7807 problem details. Keyed on the status by the caller; <c>type</c> URIs vary between deployments.</summary>
    public ApiError ReadError(byte[] body) => ErrorBody.Read(body, root =>
    {
        var errors = new List<string>();
        if (root.TryGetProperty("errors", out var items))
        {
            AddErrors(items, errors);
        }

        // A login refusal flags what the account lacks; its code says so, so the refusal can be explained.
        var title = ErrorBody.String(root, "title");
        var code = Flag(root, "requiresEnrollment") ? CerberusLogin.MfaEnrollmentRequired
            : Flag(root, "requiresMfa") ? CerberusLogin.MfaRequired
            : Wire.First(TypeSlug(ErrorBody.String(root, "type")), title);
        return new ApiError(code, Wire.First(ErrorBody.String(root, "detail"), title), errors, ErrorBody.Seconds(root, "retryAfter"));
    });

    private static bool Flag(JsonElement root, string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? RoleName(JsonElement role) => role.ValueKind switch
    {
        JsonValueKind.String => role.GetString(),
        JsonValueKind.Object => ErrorBody.String(role, "name") ?? ErrorBody.String(role, "slug"),
        _ => null,
    };

    private static string? TypeSlug(string? type)
    {
        if (type is null || type == "about:blank")
        {
            return null;
        }

        var slug = type.TrimEnd('/');
        return slug.Substring(slug.LastIndexOf('/') + 1);
    }

    private static void AddErrors(JsonElement items, List<string> errors)
    {
        switch (items.ValueKind)
        {
            case JsonValueKind.Object:
                ErrorBody.AddFieldMessages(items, errors);
                break;
            case JsonValueKind.Array:
                foreach (var item in items.EnumerateArray())
                {
                    errors.Add(item.ValueKind == JsonValueKind.Object ? Issue(item) : ErrorBody.Text(item));
                }

                break;
        }
    }

    // A zod issue ({ path: ["redirectUris", 0], message }) or a { field, message } pair.
    private static string Issue(JsonElement issue)
    {
        var field = issue.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.Array
            ? string.Join(".", path.EnumerateArray().Select(ErrorBody.Text))
            : ErrorBody.String(issue, "field");
        var message = ErrorBody.String(issue, "message") ?? issue.GetRawText();
        return string.IsNullOrEmpty(field) ? message : $"{field}: {message}";
    }

    // The update of isActive alone, with one body per state rather than an update request mapped to a body on every call.
    private ApiRequest SetActive(string escapedId, bool active) =>
        new(Patch, $"{Collection}/{escapedId}", active ? ActiveBody : InactiveBody, CerberusJsonContext.Default.CerberusClientBody);

    private static void ReadListItems(ReadOnlySpan<byte> items, List<OAuthClient> clients) =>
        WireReader.Clients(items, clients, static (ref Utf8JsonReader reader) => WireReader.Object<CerberusClientFields>(ref reader).ToModel());

    /// <summary>A one-client body (bare or wrapped in <c>data</c>); JSON <c>null</c> is the wrong shape.</summary>
    private static CerberusClientFields ReadFields(ReadOnlySpan<byte> body) => WireReader.Client<CerberusClientFields>(body);

    private static ListEnd ReadListEnd(ReadOnlySpan<byte> body, ListPage? requested, int count)
    {
        var envelope = Wire.Deserialize(body, CerberusJsonContext.Default.CerberusListEnvelope);
        if (envelope.Pages is not null)
        {
            return new ListEnd(ListPage.After(requested, count, envelope.Page, hasNextPage: null, envelope.Pages, envelope.Limit), envelope.Pages, envelope.Total);
        }

        // Documented: no server-side pagination, the list is whole. A server that says otherwise is not silently cut short.
        var total = envelope.Total ?? envelope.Pagination?.Total;
        if (requested is null && total > count)
        {
            throw new JsonException($"The server returned {count} of {total} clients and no page to fetch the rest from.");
        }

        return new ListEnd(null, Total: total);
    }
}
