using System;
using System.Collections.Generic;
using System.Text.Json;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Dialects.LumoAuth;

/// <summary>
/// Every member LumoAuth has been seen to send for one client: the bare object, the same wrapped in
/// <c>{ "data": ... }</c>, the create response with <c>secret</c>, and the rotate response (<c>{ data: { clientId, secret } }</c>).
/// Read straight from the JSON by
/// <see cref="WireReader"/> (see <see cref="IClientFields"/>).
/// </summary>
internal struct LumoAuthClientFields : IClientFields
{
    public string? Id;
    public string? ClientId;
    public string? Name;
    public string? Description;
    public bool? IsConfidential;
    public bool? IsPublic;
    public bool? IsActive;
    public List<string?>? RedirectUris;
    public List<string?>? AllowedScopes;
    public List<string?>? Scopes;
    public List<string?>? GrantTypes;
    public bool? RequiresPkce;
    public string? ApplicationType;
    public long? AccessTokenLifetime;
    public long? RefreshTokenLifetime;
    public DateTimeOffset? CreatedAt;
    public string? Secret;

    /// <summary>Gets a value indicating whether the object says whether the client is confidential (the wrapped create response does not).</summary>
    public readonly bool SaysType => IsConfidential is not null || IsPublic is not null;

    /// <summary>
    /// The model of the client. A listed one that lacks redirect URIs, scopes or grant types (the summaries of
    /// <c>/admin/clients</c>) is a summary: those were not returned, which is not the same as empty.
    /// </summary>
    public readonly OAuthClient ToModel(bool listed)
    {
        var id = Wire.RequiredId(Id);
        var scopes = AllowedScopes ?? Scopes;
        return new OAuthClient
        {
            Id = id,
            ClientId = Wire.First(ClientId) ?? id,
            Name = Name ?? string.Empty,
            Description = Description,
            IsConfidential = IsConfidential ?? !(IsPublic ?? false),
            IsActive = IsActive ?? true,
            IsSummary = listed && (RedirectUris is null || scopes is null || GrantTypes is null),
            ApplicationType = Wire.First(ApplicationType),
            RedirectUris = Wire.Strings(RedirectUris),
            AllowedScopes = Wire.Strings(scopes),
            GrantTypes = Wire.Strings(GrantTypes),
            RequirePkce = RequiresPkce ?? false,
            AccessTokenLifetime = Wire.Lifetime(AccessTokenLifetime) ?? OAuthClient.DefaultAccessTokenLifetime,
            RefreshTokenLifetime = Wire.Lifetime(RefreshTokenLifetime) ?? OAuthClient.DefaultRefreshTokenLifetime,
            CreatedAt = CreatedAt,
        };
    }

    /// <inheritdoc/>
    public bool Read(scoped ReadOnlySpan<char> name, ref Utf8JsonReader reader)
    {
        if (WireReader.Is(name, "id")) { Id = WireReader.StringOrNumber(ref reader); }
        else if (WireReader.Is(name, "clientId")) { ClientId = WireReader.StringOrNumber(ref reader); }
        else if (WireReader.Is(name, "name")) { Name = WireReader.String(ref reader); }
        else if (WireReader.Is(name, "description")) { Description = WireReader.String(ref reader); }
        else if (WireReader.Is(name, "isConfidential")) { IsConfidential = WireReader.Boolean(ref reader); }
        else if (WireReader.Is(name, "isPublic")) { IsPublic = WireReader.Boolean(ref reader); }
        else if (WireReader.Is(name, "isActive")) { IsActive = WireReader.Boolean(ref reader); }
        else if (WireReader.Is(name, "redirectUris")) { RedirectUris = WireReader.Strings(ref reader); }
        else if (WireReader.Is(name, "allowedScopes")) { AllowedScopes = WireReader.Strings(ref reader); }
        else if (WireReader.Is(name, "scopes")) { Scopes = WireReader.Strings(ref reader); }
        else if (WireReader.Is(name, "grantTypes")) { GrantTypes = WireReader.Strings(ref reader); }
        else if (WireReader.Is(name, "requiresPkce")) { RequiresPkce = WireReader.Boolean(ref reader); }
        else if (WireReader.Is(name, "applicationType")) { ApplicationType = WireReader.String(ref reader); }
        else if (WireReader.Is(name, "accessTokenLifetime")) { AccessTokenLifetime = WireReader.Int64(ref reader); }
        else if (WireReader.Is(name, "refreshTokenLifetime")) { RefreshTokenLifetime = WireReader.Int64(ref reader); }
        else if (WireReader.Is(name, "createdAt")) { CreatedAt = WireReader.Timestamp(ref reader); }
        else if (WireReader.Is(name, "secret")) { Secret = WireReader.String(ref reader); }
        else
        {
            return false;
        }

        return true;
    }
}
