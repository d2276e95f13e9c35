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
/// LumoAuth's admin API: <c>/t/{tenant}/api/v1/admin/oauth-clients</c>, bearer API key, PUT for updates,
/// <c>POST /{id}/secret</c> to regenerate a secret, optional <c>page</c>/<c>limit</c> pagination.
/// </summary>
internal sealed class LumoAuthDialect : IOAuthDialect
{
    private const string DialectName = "LumoAuth";

    private readonly string _collection;
    private readonly string _tenant;

    public LumoAuthDialect(OAuthClientsOptions options, IOAuthClientsTokenProvider? tokenProvider)
    {
        var tenant = $"t/{Uri.EscapeDataString(options.Tenant!)}";
        _collection = $"{tenant}/api/v1/admin/oauth-clients";
        _tenant = options.Tenant!;
        Authenticator = BearerAuthenticator.For(options, tokenProvider)
            ?? new BearerAuthenticator(new LumoAuthClientCredentials(options.ClientCredentials!, $"{tenant}/api/v1/oauth/token"));
    }

    public string Name => DialectName;

    public IRequestAuthenticator Authenticator { get; }

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
    }

    public ApiRequest List(ListPage? page) => new(HttpMethod.Get, ListPage.Path(_collection, page));

    public ApiRequest Get(string escapedId) => new(HttpMethod.Get, $"{_collection}/{escapedId}");

    public ApiRequest Create(CreateOAuthClientRequest request) => new(HttpMethod.Post, _collection, Serialize(new LumoAuthClientBody
    {
        Name = request.Name,
        Description = request.Description,
        RedirectUris = request.RedirectUris,
        IsConfidential = request.IsConfidential,
        GrantTypes = request.GrantTypes,
        AllowedScopes = request.AllowedScopes,
        RequiresPkce = request.RequirePkce,
        AccessTokenLifetime = Wire.Seconds(request.AccessTokenLifetime),
        RefreshTokenLifetime = Wire.Seconds(request.RefreshTokenLifetime),
    }));

    public ApiRequest Update(string escapedId, UpdateOAuthClientRequest request) => new(HttpMethod.Put, $"{_collection}/{escapedId}", Serialize(new LumoAuthClientBody
    {
        Name = request.Name,
        Description = request.Description,
        RedirectUris = request.RedirectUris,
        GrantTypes = request.GrantTypes,
        AllowedScopes = request.AllowedScopes,
        IsActive = request.IsActive,
        AccessTokenLifetime = Wire.Seconds(request.AccessTokenLifetime),
        RefreshTokenLifetime = Wire.Seconds(request.RefreshTokenLifetime),
    }));

    public ApiRequest Delete(string escapedId) => new(HttpMethod.Delete, $"{_collection}/{escapedId}");

    public ApiRequest RotateSecret(string escapedId) => new(HttpMethod.Post, $"{_collection}/{escapedId}/secret");

    /// <summary>LumoAuth has no "me" endpoint: a one-item page of clients proves the key works and can read clients.</summary>
    public ApiRequest WhoAmI() => List(new ListPage(1, 1));

    public OAuthClientsIdentity ReadIdentity(ReadOnlySpan<byte> body)
    {
        ReadList(body, new ListPage(1, 1));
        return new OAuthClientsIdentity { Organisation = _tenant, CanReadClients = true };
    }

    public ClientPage ReadList(ReadOnlySpan<byte> body, ListPage? requested)
    {
        if (Wire.FirstToken(body) == JsonTokenType.StartArray)
        {
            // The seed's shape: every client at once.
            return new ClientPage(Wire.Models(Wire.Deserialize(body, LumoAuthJsonContext.Default.ListLumoAuthClientDto), dto => ToModel(dto.Unwrapped)), null);
        }

        var envelope = Wire.Deserialize(body, LumoAuthJsonContext.Default.LumoAuthListEnvelope);
        var clients = Wire.Models(envelope.Data ?? throw new JsonException("The list has neither a top-level array nor a 'data' array."), dto => ToModel(dto.Unwrapped));
        var meta = envelope.Meta ?? envelope.Pagination;
        return new ClientPage(clients, ListPage.After(requested, clients.Count, meta?.Page, meta?.HasNextPage, meta?.TotalPages, meta?.Limit));
    }

    public OAuthClient ReadClient(ReadOnlySpan<byte> body) => ToModel(Wire.Deserialize(body, LumoAuthJsonContext.Default.LumoAuthClientDto).Unwrapped);

    public CreatedOAuthClient ReadCreated(ReadOnlySpan<byte> body)
    {
        var dto = Wire.Deserialize(body, LumoAuthJsonContext.Default.LumoAuthClientDto).Unwrapped;
        var secret = string.IsNullOrWhiteSpace(dto.Secret) ? null : new ClientSecret(dto.Secret!);
        var client = ToModel(dto);

        // The wrapped create response omits isConfidential; only confidential clients get a secret.
        var saysType = dto.IsConfidential is not null || dto.IsPublic is not null;
        return new CreatedOAuthClient(saysType ? client : client with { IsConfidential = secret is not null }, secret);
    }

    public ClientSecret ReadSecret(ReadOnlySpan<byte> body)
    {
        var secret = Wire.Deserialize(body, LumoAuthJsonContext.Default.LumoAuthClientDto).Unwrapped.Secret;
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

    private static byte[] Serialize(LumoAuthClientBody body) => JsonSerializer.SerializeToUtf8Bytes(body, LumoAuthJsonContext.Default.LumoAuthClientBody);

    private static OAuthClient ToModel(LumoAuthClientDto dto)
    {
        var id = Wire.RequiredId(dto.Id);
        return new OAuthClient
        {
            Id = id,
            ClientId = Wire.First(dto.ClientId) ?? id,
            Name = dto.Name ?? string.Empty,
            Description = dto.Description,
            IsConfidential = dto.IsConfidential ?? !(dto.IsPublic ?? false),
            IsActive = dto.IsActive ?? true,
            RedirectUris = Wire.Strings(dto.RedirectUris),
            AllowedScopes = Wire.Strings(dto.AllowedScopes ?? dto.Scopes),
            GrantTypes = Wire.Strings(dto.GrantTypes),
            RequirePkce = dto.RequiresPkce ?? false,
            AccessTokenLifetime = Wire.Lifetime(dto.AccessTokenLifetime) ?? OAuthClient.DefaultAccessTokenLifetime,
            RefreshTokenLifetime = Wire.Lifetime(dto.RefreshTokenLifetime) ?? OAuthClient.DefaultRefreshTokenLifetime,
            CreatedAt = dto.CreatedAt,
        };
    }
}
