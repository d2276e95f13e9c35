using System;
using System.Collections.Generic;
using System.Text.Json;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>
/// Every member Cerberus has been seen to send for one client, with the observed aliases (<c>allowedScopes</c> for
/// <c>scopes</c>, <c>pkceRequired</c> for <c>requirePkce</c>), the create response's <c>clientSecret</c>, and the
/// rotate response (<c>{ "clientSecret": ... }</c>), bare or wrapped in <c>{ "data": ... }</c>. A struct read straight
/// from the JSON by <see cref="WireReader"/>.
/// </summary>
internal struct CerberusClientFields : IClientFields
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

    /// <inheritdoc/>
    public bool Read(scoped ReadOnlySpan<char> name, ref Utf8JsonReader reader)
    {
        if (WireReader.Is(name, "id")) { Id = WireReader.StringOrNumber(ref reader); }
        else if (WireReader.Is(name, "clientId")) { ClientId = WireReader.StringOrNumber(ref reader); }
        else if (WireReader.Is(name, "name")) { Name = WireReader.String(ref reader); }
        else if (WireReader.Is(name, "description")) { Description = WireReader.String(ref reader); }
        else if (WireReader.Is(name, "clientType")) { ClientType = WireReader.String(ref reader); }
        else if (WireReader.Is(name, "redirectUris")) { RedirectUris = WireReader.Strings(ref reader); }
        else if (WireReader.Is(name, "allowedOrigins")) { AllowedOrigins = WireReader.Strings(ref reader); }
        else if (WireReader.Is(name, "scopes")) { Scopes = WireReader.Strings(ref reader); }
        else if (WireReader.Is(name, "allowedScopes")) { AllowedScopes = WireReader.Strings(ref reader); }
        else if (WireReader.Is(name, "grantTypes")) { GrantTypes = WireReader.Strings(ref reader); }
        else if (WireReader.Is(name, "requirePkce")) { RequirePkce = WireReader.Boolean(ref reader); }
        else if (WireReader.Is(name, "pkceRequired")) { PkceRequired = WireReader.Boolean(ref reader); }
        else if (WireReader.Is(name, "requireConsent")) { RequireConsent = WireReader.Boolean(ref reader); }
        else if (WireReader.Is(name, "isFirstParty")) { IsFirstParty = WireReader.Boolean(ref reader); }
        else if (WireReader.Is(name, "isActive")) { IsActive = WireReader.Boolean(ref reader); }
        else if (WireReader.Is(name, "accessTokenLifetime")) { AccessTokenLifetime = WireReader.Int64(ref reader); }
        else if (WireReader.Is(name, "refreshTokenLifetime")) { RefreshTokenLifetime = WireReader.Int64(ref reader); }
        else if (WireReader.Is(name, "idTokenLifetime")) { IdTokenLifetime = WireReader.Int64(ref reader); }
        else if (WireReader.Is(name, "createdAt")) { CreatedAt = WireReader.Timestamp(ref reader); }
        else if (WireReader.Is(name, "updatedAt")) { UpdatedAt = WireReader.Timestamp(ref reader); }
        else if (WireReader.Is(name, "organisationId")) { OrganisationId = WireReader.StringOrNumber(ref reader); }
        else if (WireReader.Is(name, "tokenEndpointAuthMethod")) { TokenEndpointAuthMethod = WireReader.String(ref reader); }
        else if (WireReader.Is(name, "refreshTokenRotation")) { RefreshTokenRotation = WireReader.String(ref reader); }
        else if (WireReader.Is(name, "logoUri")) { LogoUri = WireReader.String(ref reader); }
        else if (WireReader.Is(name, "policyUri")) { PolicyUri = WireReader.String(ref reader); }
        else if (WireReader.Is(name, "tosUri")) { TosUri = WireReader.String(ref reader); }
        else if (WireReader.Is(name, "revoked")) { Revoked = WireReader.Boolean(ref reader); }
        else if (WireReader.Is(name, "clientSecret")) { ClientSecret = WireReader.String(ref reader); }
        else
        {
            return false;
        }

        return true;
    }
}
