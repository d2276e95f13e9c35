using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Dialects.LumoAuth;

/// <summary>
/// Every member LumoAuth has been seen to send for one client: the bare object, the same wrapped in
/// <c>{ "data": ... }</c>, the create response with <c>secret</c>, and the rotate response (<c>{ data: { clientId, secret } }</c>).
/// A struct read straight from the JSON (<see cref="Read(ref Utf8JsonReader)"/>), so that reading a client allocates the model and its
/// values, not a wire object beside them.
/// </summary>
[JsonConverter(typeof(LumoAuthClientFieldsConverter))]
internal struct LumoAuthClientFields
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
    /// Reads the client object the reader is on: its <c>data</c> object when it has one (the wrapped shapes), itself
    /// otherwise. Member names are matched case-insensitively; a member given twice keeps its last value; unknown
    /// members are skipped.
    /// </summary>
    public static LumoAuthClientFields Read(ref Utf8JsonReader reader) => Read(ref reader, unwrap: true);

    // Only the outer object is unwrapped: a "data" inside "data" is read (so a malformed one fails as before) but not used.
    private static LumoAuthClientFields Read(ref Utf8JsonReader reader, bool unwrap)
    {
        WireReader.StartObject(ref reader);
        var fields = default(LumoAuthClientFields);
        var data = default(LumoAuthClientFields);
        var hasData = false;
        Span<char> buffer = stackalloc char[WireReader.NameBufferSize];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = WireReader.Name(reader, buffer);
            WireReader.Value(ref reader);
            if (WireReader.Is(name, "id")) { fields.Id = WireReader.StringOrNumber(ref reader); }
            else if (WireReader.Is(name, "clientId")) { fields.ClientId = WireReader.StringOrNumber(ref reader); }
            else if (WireReader.Is(name, "name")) { fields.Name = WireReader.String(ref reader); }
            else if (WireReader.Is(name, "description")) { fields.Description = WireReader.String(ref reader); }
            else if (WireReader.Is(name, "isConfidential")) { fields.IsConfidential = WireReader.Boolean(ref reader); }
            else if (WireReader.Is(name, "isPublic")) { fields.IsPublic = WireReader.Boolean(ref reader); }
            else if (WireReader.Is(name, "isActive")) { fields.IsActive = WireReader.Boolean(ref reader); }
            else if (WireReader.Is(name, "redirectUris")) { fields.RedirectUris = WireReader.Strings(ref reader); }
            else if (WireReader.Is(name, "allowedScopes")) { fields.AllowedScopes = WireReader.Strings(ref reader); }
            else if (WireReader.Is(name, "scopes")) { fields.Scopes = WireReader.Strings(ref reader); }
            else if (WireReader.Is(name, "grantTypes")) { fields.GrantTypes = WireReader.Strings(ref reader); }
            else if (WireReader.Is(name, "requiresPkce")) { fields.RequiresPkce = WireReader.Boolean(ref reader); }
            else if (WireReader.Is(name, "applicationType")) { fields.ApplicationType = WireReader.String(ref reader); }
            else if (WireReader.Is(name, "accessTokenLifetime")) { fields.AccessTokenLifetime = WireReader.Int64(ref reader); }
            else if (WireReader.Is(name, "refreshTokenLifetime")) { fields.RefreshTokenLifetime = WireReader.Int64(ref reader); }
            else if (WireReader.Is(name, "createdAt")) { fields.CreatedAt = WireReader.Timestamp(ref reader); }
            else if (WireReader.Is(name, "secret")) { fields.Secret = WireReader.String(ref reader); }
            else if (WireReader.Is(name, "data"))
            {
                hasData = reader.TokenType != JsonTokenType.Null;
                data = hasData ? Read(ref reader, unwrap: false) : default;
            }
            else
            {
                reader.Skip();
            }
        }

        return unwrap && hasData ? data : fields;
    }

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
}
