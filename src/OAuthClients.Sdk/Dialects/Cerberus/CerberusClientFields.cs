using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>
/// Every member Cerberus has been seen to send for one client, with the observed aliases (<c>allowedScopes</c> for
/// <c>scopes</c>, <c>pkceRequired</c> for <c>requirePkce</c>), the create response's <c>clientSecret</c>, and the
/// rotate response (<c>{ "clientSecret": ... }</c>), bare or wrapped in <c>{ "data": ... }</c>. A struct read straight
/// from the JSON (<see cref="Read(ref Utf8JsonReader)"/>), so that reading a client allocates the model and its values, not a wire
/// object beside them.
/// </summary>
[JsonConverter(typeof(CerberusClientFieldsConverter))]
internal struct CerberusClientFields
{
    public string? Id;
    public string? ClientId;
    public string? Name;
    public string? Description;
    public string? ClientType;
    public List<string?>? RedirectUris;
    public List<string?>? AllowedOrigins;
    public List<string?>? Scopes;
    public List<string?>? AllowedScopes;
    public List<string?>? GrantTypes;
    public bool? RequirePkce;
    public bool? PkceRequired;
    public bool? RequireConsent;
    public bool? IsFirstParty;
    public bool? IsActive;
    public long? AccessTokenLifetime;
    public long? RefreshTokenLifetime;
    public long? IdTokenLifetime;
    public DateTimeOffset? CreatedAt;
    public DateTimeOffset? UpdatedAt;
    public string? OrganisationId;
    public string? TokenEndpointAuthMethod;
    public string? RefreshTokenRotation;
    public string? LogoUri;
    public string? PolicyUri;
    public string? TosUri;
    public bool? Revoked;
    public string? ClientSecret;

    /// <summary>
    /// Reads the client object the reader is on: its <c>data</c> object when it has one (the wrapped shapes), itself
    /// otherwise. Member names are matched case-insensitively; a member given twice keeps its last value; unknown
    /// members are skipped.
    /// </summary>
    public static CerberusClientFields Read(ref Utf8JsonReader reader) => Read(ref reader, unwrap: true);

    /// <summary>The model of the client.</summary>
    public readonly OAuthClient ToModel()
    {
        var id = Wire.RequiredId(Id);
        return new OAuthClient
        {
            Id = id,
            ClientId = Wire.First(ClientId) ?? id,
            Name = Name ?? string.Empty,
            Description = Description,
            IsConfidential = !string.Equals(ClientType, "public", StringComparison.OrdinalIgnoreCase),
            IsActive = IsActive ?? true,
            RedirectUris = Wire.Strings(RedirectUris),
            AllowedScopes = Wire.Strings(Scopes ?? AllowedScopes),
            GrantTypes = Wire.Strings(GrantTypes),
            AllowedOrigins = Wire.Strings(AllowedOrigins),
            RequirePkce = RequirePkce ?? PkceRequired ?? false,
            RequireConsent = RequireConsent ?? false,
            IsFirstParty = IsFirstParty ?? false,
            AccessTokenLifetime = Wire.Lifetime(AccessTokenLifetime) ?? OAuthClient.DefaultAccessTokenLifetime,
            RefreshTokenLifetime = Wire.Lifetime(RefreshTokenLifetime) ?? OAuthClient.DefaultRefreshTokenLifetime,
            IdTokenLifetime = Wire.Lifetime(IdTokenLifetime),
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            OrganisationId = Wire.First(OrganisationId),
            TokenEndpointAuthMethod = Wire.First(TokenEndpointAuthMethod),
            RefreshTokenRotation = Wire.First(RefreshTokenRotation),
            LogoUri = Wire.First(LogoUri),
            PolicyUri = Wire.First(PolicyUri),
            TosUri = Wire.First(TosUri),
            IsRevoked = Revoked ?? false,
        };
    }

    // Only the outer object is unwrapped: a "data" inside "data" is read (so a malformed one fails as before) but not used.
    private static CerberusClientFields Read(ref Utf8JsonReader reader, bool unwrap)
    {
        WireReader.StartObject(ref reader);
        var fields = default(CerberusClientFields);
        var data = default(CerberusClientFields);
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
            else if (WireReader.Is(name, "clientType")) { fields.ClientType = WireReader.String(ref reader); }
            else if (WireReader.Is(name, "redirectUris")) { fields.RedirectUris = WireReader.Strings(ref reader); }
            else if (WireReader.Is(name, "allowedOrigins")) { fields.AllowedOrigins = WireReader.Strings(ref reader); }
            else if (WireReader.Is(name, "scopes")) { fields.Scopes = WireReader.Strings(ref reader); }
            else if (WireReader.Is(name, "allowedScopes")) { fields.AllowedScopes = WireReader.Strings(ref reader); }
            else if (WireReader.Is(name, "grantTypes")) { fields.GrantTypes = WireReader.Strings(ref reader); }
            else if (WireReader.Is(name, "requirePkce")) { fields.RequirePkce = WireReader.Boolean(ref reader); }
            else if (WireReader.Is(name, "pkceRequired")) { fields.PkceRequired = WireReader.Boolean(ref reader); }
            else if (WireReader.Is(name, "requireConsent")) { fields.RequireConsent = WireReader.Boolean(ref reader); }
            else if (WireReader.Is(name, "isFirstParty")) { fields.IsFirstParty = WireReader.Boolean(ref reader); }
            else if (WireReader.Is(name, "isActive")) { fields.IsActive = WireReader.Boolean(ref reader); }
            else if (WireReader.Is(name, "accessTokenLifetime")) { fields.AccessTokenLifetime = WireReader.Int64(ref reader); }
            else if (WireReader.Is(name, "refreshTokenLifetime")) { fields.RefreshTokenLifetime = WireReader.Int64(ref reader); }
            else if (WireReader.Is(name, "idTokenLifetime")) { fields.IdTokenLifetime = WireReader.Int64(ref reader); }
            else if (WireReader.Is(name, "createdAt")) { fields.CreatedAt = WireReader.Timestamp(ref reader); }
            else if (WireReader.Is(name, "updatedAt")) { fields.UpdatedAt = WireReader.Timestamp(ref reader); }
            else if (WireReader.Is(name, "organisationId")) { fields.OrganisationId = WireReader.StringOrNumber(ref reader); }
            else if (WireReader.Is(name, "tokenEndpointAuthMethod")) { fields.TokenEndpointAuthMethod = WireReader.String(ref reader); }
            else if (WireReader.Is(name, "refreshTokenRotation")) { fields.RefreshTokenRotation = WireReader.String(ref reader); }
            else if (WireReader.Is(name, "logoUri")) { fields.LogoUri = WireReader.String(ref reader); }
            else if (WireReader.Is(name, "policyUri")) { fields.PolicyUri = WireReader.String(ref reader); }
            else if (WireReader.Is(name, "tosUri")) { fields.TosUri = WireReader.String(ref reader); }
            else if (WireReader.Is(name, "revoked")) { fields.Revoked = WireReader.Boolean(ref reader); }
            else if (WireReader.Is(name, "clientSecret")) { fields.ClientSecret = WireReader.String(ref reader); }
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
}
