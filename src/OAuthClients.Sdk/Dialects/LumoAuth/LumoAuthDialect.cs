using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using OAuthClients.Sdk.Http;
using OAuthClients.Sdk.Internal;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Dialects.LumoAuth;

/// <summary>
/// LumoAuth's two admin APIs (<see cref="LumoAuthApi"/>), which differ only in what this class decides:
/// <list type="bullet">
/// <item><c>/t/{tenant}/api/v1/admin/oauth-clients</c> (the seed): bearer API key, PUT for updates,
/// <c>POST /{id}/secret</c>, no enable/disable or token endpoints (status by an update of <c>isActive</c>).</item>
/// <item><c>/t/{tenant}</c> or <c>/orgs/{orgId}</c> + <c>/api/v1/admin/clients</c> (admin docs, CLI, OpenAPI spec): the
/// API key in <c>X-API-Key</c>, PATCH, <c>/rotate-secret</c>, <c>/enable</c>, <c>/disable</c>, <c>DELETE /tokens</c>,
/// <c>/scopes</c>, lists of summaries with <c>search</c>.</item>
/// </list>
/// Both read every response shape (bare or wrapped in <c>data</c>) and page with <c>page</c>/<c>limit</c>.
/// </summary>
internal sealed class LumoAuthDialect : IOAuthDialect
{
    /// <summary>The largest page LumoAuth documents (<c>limit</c> max 100).</summary>
    public const int MaxPageSize = 100;

    private const string DialectName = "LumoAuth";
    private static readonly HttpMethod Patch = new("PATCH");

    // The bodies of the seed API's enable and disable (read-only once built: their members are init-only).
    private static readonly LumoAuthClientBody ActiveBody = new() { IsActive = true };
    private static readonly LumoAuthClientBody InactiveBody = new() { IsActive = false };

    private readonly bool _clientsApi;
    private readonly string _collection;
    private readonly string _notFoundHint;
    private readonly string _tenant;

    public LumoAuthDialect(OAuthClientsOptions options, IOAuthClientsTokenProvider? tokenProvider)
    {
        _tenant = options.Tenant!;
        var tenant = Uri.EscapeDataString(_tenant);
        _clientsApi = options.LumoAuthApi == LumoAuthApi.Clients;
        _collection = _clientsApi
            ? $"{(options.LumoAuthRoutePrefix == LumoAuthRoutePrefix.Organization ? "orgs" : "t")}/{tenant}/api/v1/admin/clients"
            : $"t/{tenant}/api/v1/admin/oauth-clients";
        _notFoundHint = _clientsApi
            ? "If this server has no /admin/clients collection, it may speak LumoAuth's other admin API: set LumoAuthApi to OAuthClients (/admin/oauth-clients)."
            : "If this server has no /admin/oauth-clients collection, it may speak LumoAuth's current admin API, the one of its admin docs and CLI: set LumoAuthApi to Clients (/admin/clients).";
        var credentials = new CredentialRegistry();
        Authenticator = _clientsApi && options.ApiKey is { } apiKey
            ? new LumoAuthApiKeyAuthenticator(apiKey, credentials)
            : BearerAuthenticator.For(options, tokenProvider, credentials)
                ?? new BearerAuthenticator(new LumoAuthClientCredentials(options.ClientCredentials!, $"t/{tenant}/api/v1/oauth/token"), credentials);
    }

    public string Name => DialectName;

    public IRequestAuthenticator Authenticator { get; }

    /// <summary>The seed API's name in the messages of what only it refuses (search, token revocation).</summary>
    private const string OAuthClientsApi = "LumoAuth's /admin/oauth-clients API (LumoAuthApi = OAuthClients)";

    public static void Validate(OAuthClientsOptions options, bool hasTokenProvider, List<string> problems)
    {
        if (options.Tenant is null)
        {
            problems.Add("Tenant is required for LumoAuth: set it to the tenant slug of your admin URLs (/t/{tenant}/...), for example 'acme-corp'.");
        }

        DialectRegistry.RequireOneCredential(
            problems,
            DialectName,
            "set ApiKey to an admin API key, or ClientCredentials to an admin client's ClientId and ClientSecret, or register a token provider with AddOAuthClientsTokenProvider",
            "ApiKey, ClientCredentials and a registered token provider",
            options.ApiKey is not null,
            options.ClientCredentials is not null,
            hasTokenProvider);

        if (options.ClientCredentials is { } credentials && (credentials.ClientId is null || credentials.ClientSecret is null))
        {
            problems.Add("ClientCredentials needs both ClientId and ClientSecret: the admin client's id and secret.");
        }

        if (options.SessionCookie is not null || options.CsrfToken is not null)
        {
            problems.Add("SessionCookie and CsrfToken are Cerberus settings that LumoAuth does not use: remove them (LumoAuth authenticates with ApiKey).");
        }

        if (options.LumoAuthApi is not (LumoAuthApi.OAuthClients or LumoAuthApi.Clients))
        {
            problems.Add($"LumoAuthApi is {options.LumoAuthApi}: it must be OAuthClients (/admin/oauth-clients) or Clients (/admin/clients, the API of LumoAuth's admin docs and CLI).");
        }

        if (options.LumoAuthRoutePrefix is not (LumoAuthRoutePrefix.Tenant or LumoAuthRoutePrefix.Organization))
        {
            problems.Add($"LumoAuthRoutePrefix is {options.LumoAuthRoutePrefix}: it must be Tenant (/t/{{tenant}}) or Organization (/orgs/{{orgId}}).");
        }
        else if (options.LumoAuthRoutePrefix != LumoAuthRoutePrefix.Tenant && options.LumoAuthApi != LumoAuthApi.Clients)
        {
            problems.Add("LumoAuthRoutePrefix Organization (/orgs/{orgId}) exists only for LumoAuthApi Clients (/admin/clients): set LumoAuthApi to Clients, or leave LumoAuthRoutePrefix unset.");
        }

        if (options.Login is not null)
        {
            problems.Add("Login is a Cerberus setting that LumoAuth does not use: remove it (LumoAuth authenticates with ApiKey or ClientCredentials).");
        }
    }

    public void Validate(CreateOAuthClientRequest request)
    {
        Unsupported(request.AllowedOrigins is not null, nameof(request.AllowedOrigins));
        Unsupported(request.RequireConsent is not null, nameof(request.RequireConsent));
        Unsupported(request.IsFirstParty is not null, nameof(request.IsFirstParty));
        Unsupported(request.IdTokenLifetime is not null, nameof(request.IdTokenLifetime));
        if (_clientsApi)
        {
            // The client object of /admin/clients has no description and no lifetimes.
            Unsupported(request.Description is not null, nameof(request.Description));
            Unsupported(request.AccessTokenLifetime is not null, nameof(request.AccessTokenLifetime));
            Unsupported(request.RefreshTokenLifetime is not null, nameof(request.RefreshTokenLifetime));
            if (request.ApplicationType is "spa" or "native" && request.IsConfidential)
            {
                throw new ArgumentException($"ApplicationType '{request.ApplicationType}' is a public client: set IsConfidential to false. Nothing was sent.", nameof(request));
            }
        }
        else
        {
            Unsupported(request.ApplicationType is not null, nameof(request.ApplicationType));
        }

        Unsupported(request.TokenEndpointAuthMethod is not null, nameof(request.TokenEndpointAuthMethod));
        Unsupported(request.LogoUri is not null, nameof(request.LogoUri));
        Unsupported(request.PolicyUri is not null, nameof(request.PolicyUri));
        Unsupported(request.TosUri is not null, nameof(request.TosUri));
    }

    public void Validate(UpdateOAuthClientRequest request)
    {
        Unsupported(request.AllowedOrigins is not null, nameof(request.AllowedOrigins));
        Unsupported(request.RequireConsent is not null, nameof(request.RequireConsent));
        Unsupported(request.IdTokenLifetime is not null, nameof(request.IdTokenLifetime));
        if (_clientsApi)
        {
            Unsupported(request.Description is not null, nameof(request.Description));
            Unsupported(request.AccessTokenLifetime is not null, nameof(request.AccessTokenLifetime));
            Unsupported(request.RefreshTokenLifetime is not null, nameof(request.RefreshTokenLifetime));
        }
    }

    public void Validate(OAuthClientListOptions options)
    {
        if (options.PageSize > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"PageSize is {options.PageSize}: LumoAuth returns at most {MaxPageSize} clients a page. Nothing was sent.");
        }

        if (options.Search is not null && !_clientsApi)
        {
            throw new NotSupportedException($"Search is not supported by {OAuthClientsApi}: it has no search parameter. Nothing was sent.");
        }
    }

    public ListPage? FirstPage(OAuthClientListOptions options) => new ListPage(1, options.PageSize ?? MaxPageSize);

    public ApiRequest List(ListPage? page, OAuthClientListOptions options)
    {
        var path = ListPage.Path(_collection, page);
        return new(HttpMethod.Get, options.Search is { } search ? $"{path}&search={Uri.EscapeDataString(search)}" : path) { NotFoundHint = _notFoundHint };
    }

    public ApiRequest Get(string escapedId) => new(HttpMethod.Get, $"{_collection}/{escapedId}");

    public ApiRequest Create(CreateOAuthClientRequest request) => new(HttpMethod.Post, _collection, new LumoAuthClientBody
    {
        Name = request.Name,
        Description = request.Description,
        ApplicationType = request.ApplicationType,
        RedirectUris = request.RedirectUris,
        IsConfidential = request.IsConfidential,
        GrantTypes = request.GrantTypes,
        AllowedScopes = request.AllowedScopes,
        RequiresPkce = request.RequirePkce,
        AccessTokenLifetime = Wire.Seconds(request.AccessTokenLifetime),
        RefreshTokenLifetime = Wire.Seconds(request.RefreshTokenLifetime),
    },
    LumoAuthJsonContext.Default.LumoAuthClientBody)
    {
        NotFoundHint = _notFoundHint,
    };

    public ApiRequest Update(string escapedId, UpdateOAuthClientRequest request) => new(_clientsApi ? Patch : HttpMethod.Put, $"{_collection}/{escapedId}", new LumoAuthClientBody
    {
        Name = request.Name,
        Description = request.Description,
        RedirectUris = request.RedirectUris,
        GrantTypes = request.GrantTypes,
        AllowedScopes = request.AllowedScopes,
        IsActive = request.IsActive,
        AccessTokenLifetime = Wire.Seconds(request.AccessTokenLifetime),
        RefreshTokenLifetime = Wire.Seconds(request.RefreshTokenLifetime),
    },
    LumoAuthJsonContext.Default.LumoAuthClientBody);

    public ApiRequest Delete(string escapedId) => new(HttpMethod.Delete, $"{_collection}/{escapedId}");

    public ApiRequest RotateSecret(string escapedId) => new(HttpMethod.Post, $"{_collection}/{escapedId}/{(_clientsApi ? "rotate-secret" : "secret")}");

    // The seed's API has no enable/disable endpoints: an update of isActive does the same.
    public ApiRequest Enable(string escapedId) => SetActive(escapedId, true);

    public ApiRequest Disable(string escapedId) => SetActive(escapedId, false);

    public ApiRequest RevokeTokens(string escapedId) => _clientsApi
        ? new(HttpMethod.Delete, $"{_collection}/{escapedId}/tokens")
        : throw new NotSupportedException($"RevokeTokensAsync is not supported by {OAuthClientsApi}: it has no token revocation endpoint (DisableAsync stops new tokens; DeleteAsync revokes every token with the client; LumoAuthApi Clients has DELETE /{{id}}/tokens). Nothing was sent.");

    public ApiRequest GetScopes(string escapedId) => _clientsApi ? new(HttpMethod.Get, $"{_collection}/{escapedId}/scopes") : Get(escapedId);

    public ApiRequest ReplaceScopes(string escapedId, IReadOnlyList<string> scopes) => _clientsApi
        ? new(HttpMethod.Put, $"{_collection}/{escapedId}/scopes", new LumoAuthScopes { Scopes = scopes }, LumoAuthJsonContext.Default.LumoAuthScopes)
        : Update(escapedId, new UpdateOAuthClientRequest { AllowedScopes = scopes });

    /// <summary>LumoAuth has no "me" endpoint: a one-item page of clients proves the key works and can read clients.</summary>
    public ApiRequest WhoAmI() => List(new ListPage(1, 1), OAuthClientListOptions.Default);

    public OAuthClientsIdentity ReadIdentity(ReadOnlySpan<byte> body)
    {
        // A list of either shape proves it; anything else is an unreadable body.
        if (Wire.FirstToken(body) == JsonTokenType.StartArray)
        {
            ReadListItems(body, []);
        }
        else
        {
            ReadListEnd(body, new ListPage(1, 1), count: 0);
        }

        return new OAuthClientsIdentity { Organisation = _tenant, CanReadClients = true };
    }

    public IReadOnlyList<string> ReadScopes(ReadOnlySpan<byte> body)
    {
        if (!_clientsApi)
        {
            return ReadClient(body).AllowedScopes;
        }

        return Wire.FirstToken(body) == JsonTokenType.StartArray
            ? Wire.Strings(Wire.Deserialize(body, LumoAuthJsonContext.Default.ListString))
            : Wire.Strings(Wire.Deserialize(body, LumoAuthJsonContext.Default.LumoAuthScopes).Data ?? throw new JsonException("The scopes response has no 'data' array."));
    }

    /// <summary>The seed's bare array (every client at once), or <c>{ "data": [...], "meta": {...} }</c> pages.</summary>
    public ListShape ListShape { get; } = new(["data"], ReadListItems, ReadListEnd);

    public OAuthClient ReadClient(ReadOnlySpan<byte> body) => ReadFields(body).ToModel(listed: false);

    public CreatedOAuthClient ReadCreated(ReadOnlySpan<byte> body)
    {
        var fields = ReadFields(body);
        var secret = string.IsNullOrWhiteSpace(fields.Secret) ? null : new ClientSecret(fields.Secret!);
        var client = fields.ToModel(listed: false);

        // The wrapped create response omits isConfidential; only confidential clients get a secret.
        return new CreatedOAuthClient(fields.SaysType ? client : client with { IsConfidential = secret is not null }, secret);
    }

    public ClientSecret ReadSecret(ReadOnlySpan<byte> body)
    {
        var secret = ReadFields(body).Secret;
        return string.IsNullOrWhiteSpace(secret) ? throw new JsonException("The response has no 'secret'.") : new ClientSecret(secret!);
    }

    public ApiError ReadError(byte[] body) => ErrorBody.Read(body, root =>
    {
        // "error" is a boolean flag in the admin API's envelope and the error code in OAuth-style bodies.
        var error = ErrorBody.String(root, "error");
        var errors = new List<string>();
        if (root.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object)
        {
            AddDetails(details, errors);
        }

        return new ApiError(
            Wire.First(ErrorBody.String(root, "code"), error),
            Wire.First(ErrorBody.String(root, "error_description"), ErrorBody.String(root, "message"), ErrorBody.String(root, "detail")),
            errors,
            ErrorBody.Seconds(root, "retry_after"));
    });

    private static void AddDetails(JsonElement details, List<string> errors)
    {
        foreach (var detail in details.EnumerateObject())
        {
            if (detail.NameEquals("missing_fields") && detail.Value.ValueKind == JsonValueKind.Array)
            {
                errors.AddRange(detail.Value.EnumerateArray().Select(field => $"{ErrorBody.Text(field)}: is required"));
            }
            else if (detail.NameEquals("invalid_values") && detail.Value.ValueKind == JsonValueKind.Object)
            {
                ErrorBody.AddFieldMessages(detail.Value, errors);
            }
            else
            {
                errors.Add($"{detail.Name}: {ErrorBody.Text(detail.Value)}");
            }
        }
    }

    private static void Unsupported(bool isSet, string member)
    {
        if (isSet)
        {
            throw RequestRules.Unsupported(member, DialectName, "request");
        }
    }

    private ApiRequest SetActive(string escapedId, bool active) => _clientsApi
        ? new(HttpMethod.Post, $"{_collection}/{escapedId}/{(active ? "enable" : "disable")}") { Repeatable = true }
        : new(HttpMethod.Put, $"{_collection}/{escapedId}", active ? ActiveBody : InactiveBody, LumoAuthJsonContext.Default.LumoAuthClientBody);

    private static void ReadListItems(ReadOnlySpan<byte> items, List<OAuthClient> clients) =>
        WireReader.Clients(items, clients, static (ref Utf8JsonReader reader) => WireReader.Object<LumoAuthClientFields>(ref reader).ToModel(listed: true));

    /// <summary>A one-client body (bare or wrapped in <c>data</c>); JSON <c>null</c> is the wrong shape.</summary>
    private static LumoAuthClientFields ReadFields(ReadOnlySpan<byte> body) => WireReader.Client<LumoAuthClientFields>(body);

    private static ListEnd ReadListEnd(ReadOnlySpan<byte> body, ListPage? requested, int count)
    {
        var envelope = Wire.Deserialize(body, LumoAuthJsonContext.Default.LumoAuthListEnvelope);
        var meta = envelope.Meta ?? envelope.Pagination;
        return new ListEnd(ListPage.After(requested, count, meta?.Page, meta?.HasNextPage, meta?.TotalPages, meta?.Limit), meta?.TotalPages, meta?.Total);
    }
}
