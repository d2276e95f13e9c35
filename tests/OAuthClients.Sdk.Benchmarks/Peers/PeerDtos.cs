using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Benchmarks.Peers;

// The DTOs an engineer writes for the documented shapes when not using the SDK: one class per wire object, lists as
// List<string>, timestamps as DateTimeOffset, and one source-generated context for all of them. Shared by the
// hand-written HttpClient peer and the Refit peer.

/// <summary>A LumoAuth client object (seed shape, plus the observed <c>clientId</c> and <c>requiresPkce</c>).</summary>
public class LumoClient
{
    public string Id { get; set; } = null!;

    public string? ClientId { get; set; }

    public string Name { get; set; } = null!;

    public string? Description { get; set; }

    public bool IsConfidential { get; set; }

    public List<string>? RedirectUris { get; set; }

    public List<string>? AllowedScopes { get; set; }

    public List<string>? GrantTypes { get; set; }

    public bool IsActive { get; set; }

    public int AccessTokenLifetime { get; set; }

    public int RefreshTokenLifetime { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool RequiresPkce { get; set; }
}

/// <summary>The 201 of a LumoAuth create: the client plus its one-time <c>secret</c>.</summary>
public sealed class LumoCreatedClient : LumoClient
{
    public string? Secret { get; set; }
}

public sealed class LumoPageMeta
{
    public int Total { get; set; }

    public int Page { get; set; }

    public int Limit { get; set; }

    public int TotalPages { get; set; }

    public bool HasNextPage { get; set; }
}

/// <summary>A page of a LumoAuth list: <c>{ "data": [...], "meta": {...} }</c>.</summary>
public sealed class LumoClientPage
{
    public List<LumoClient> Data { get; set; } = null!;

    public LumoPageMeta? Meta { get; set; }
}

public sealed class LumoCreateClientRequest
{
    public required string Name { get; set; }

    public string? Description { get; set; }

    public required IReadOnlyList<string> RedirectUris { get; set; }

    public bool IsConfidential { get; set; } = true;

    public IReadOnlyList<string>? GrantTypes { get; set; }

    public IReadOnlyList<string>? AllowedScopes { get; set; }

    public bool? RequiresPkce { get; set; }
}

/// <summary>A Cerberus client object (documented members).</summary>
public class CerberusClient
{
    public string Id { get; set; } = null!;

    public string ClientId { get; set; } = null!;

    public string Name { get; set; } = null!;

    public string? Description { get; set; }

    public string ClientType { get; set; } = null!;

    public List<string>? RedirectUris { get; set; }

    public List<string>? AllowedOrigins { get; set; }

    public List<string>? Scopes { get; set; }

    public List<string>? GrantTypes { get; set; }

    public bool RequirePkce { get; set; }

    public bool RequireConsent { get; set; }

    public bool IsFirstParty { get; set; }

    public bool IsActive { get; set; }

    public int AccessTokenLifetime { get; set; }

    public int RefreshTokenLifetime { get; set; }

    public int IdTokenLifetime { get; set; }

    public string? TokenEndpointAuthMethod { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The 201 of a Cerberus create: the client plus its one-time <c>clientSecret</c>.</summary>
public sealed class CerberusCreatedClient : CerberusClient
{
    public string? ClientSecret { get; set; }
}

/// <summary>The Cerberus list: <c>{ "data": [...], "total": n }</c>, every client at once.</summary>
public sealed class CerberusClientList
{
    public List<CerberusClient> Data { get; set; } = null!;

    public int Total { get; set; }
}

public sealed class CerberusCreateClientRequest
{
    public required string Name { get; set; }

    public string? Description { get; set; }

    public required string ClientType { get; set; }

    public required IReadOnlyList<string> RedirectUris { get; set; }

    public IReadOnlyList<string>? AllowedOrigins { get; set; }

    public required IReadOnlyList<string> Scopes { get; set; }

    public IReadOnlyList<string>? GrantTypes { get; set; }

    public bool? RequirePkce { get; set; }
}

/// <summary>An update of a LumoAuth seed client: only what is set is sent.</summary>
public sealed class LumoUpdateClientRequest
{
    public bool? IsActive { get; set; }

    public IReadOnlyList<string>? AllowedScopes { get; set; }
}

/// <summary>A client of LumoAuth's <c>/admin/clients</c> (integer id, <c>scopes</c>; lists omit URIs, scopes and grants).</summary>
public class LumoApiClient
{
    public int Id { get; set; }

    public string ClientId { get; set; } = null!;

    public string Name { get; set; } = null!;

    public bool IsConfidential { get; set; }

    public bool IsPublic { get; set; }

    public bool IsActive { get; set; }

    public bool RequiresPkce { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<string>? RedirectUris { get; set; }

    public List<string>? Scopes { get; set; }

    public List<string>? GrantTypes { get; set; }
}

public sealed class LumoApiCreatedClient : LumoApiClient
{
    public string? Secret { get; set; }
}

/// <summary><c>{ "data": client, "message" }</c>.</summary>
public sealed class LumoApiClientEnvelope
{
    public LumoApiClient Data { get; set; } = null!;
}

public sealed class LumoApiCreatedEnvelope
{
    public LumoApiCreatedClient Data { get; set; } = null!;
}

public sealed class LumoApiClientPage
{
    public List<LumoApiClient> Data { get; set; } = null!;

    public LumoPageMeta? Meta { get; set; }
}

public sealed class LumoApiCreateClientRequest
{
    public required string Name { get; set; }

    public required IReadOnlyList<string> RedirectUris { get; set; }

    public bool IsConfidential { get; set; } = true;

    public IReadOnlyList<string>? GrantTypes { get; set; }

    public IReadOnlyList<string>? AllowedScopes { get; set; }

    public bool? RequiresPkce { get; set; }
}

/// <summary><c>{ "data": [scopes] }</c>, the answer to <c>GET</c> and <c>PUT /{id}/scopes</c>.</summary>
public sealed class LumoApiScopeList
{
    public List<string> Data { get; set; } = null!;
}

/// <summary>The body of <c>PUT /{id}/scopes</c>.</summary>
public sealed class LumoApiScopesRequest
{
    public required IReadOnlyList<string> Scopes { get; set; }
}

/// <summary>An update of a Cerberus client (PATCH): only what is set is sent.</summary>
public sealed class CerberusUpdateClientRequest
{
    public bool? IsActive { get; set; }

    public IReadOnlyList<string>? Scopes { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LumoClient))]
[JsonSerializable(typeof(LumoCreatedClient))]
[JsonSerializable(typeof(LumoClientPage))]
[JsonSerializable(typeof(LumoCreateClientRequest))]
[JsonSerializable(typeof(CerberusClient))]
[JsonSerializable(typeof(CerberusCreatedClient))]
[JsonSerializable(typeof(CerberusClientList))]
[JsonSerializable(typeof(CerberusCreateClientRequest))]
[JsonSerializable(typeof(CerberusUpdateClientRequest))]
[JsonSerializable(typeof(LumoUpdateClientRequest))]
[JsonSerializable(typeof(LumoApiClientEnvelope))]
[JsonSerializable(typeof(LumoApiCreatedEnvelope))]
[JsonSerializable(typeof(LumoApiClientPage))]
[JsonSerializable(typeof(LumoApiCreateClientRequest))]
[JsonSerializable(typeof(LumoApiScopeList))]
[JsonSerializable(typeof(LumoApiScopesRequest))]
public sealed partial class PeerJsonContext : JsonSerializerContext;
