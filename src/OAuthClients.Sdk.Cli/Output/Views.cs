using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Rotation;

namespace OAuthClients.Sdk.Cli.Output;

/// <summary>A client as the tool prints it: stable camelCase names, lifetimes in whole seconds.</summary>
internal sealed record ClientView(
    string Id,
    string ClientId,
    string Name,
    string? Description,
    bool IsConfidential,
    bool IsActive,
    bool IsSummary,
    string? ApplicationType,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> AllowedScopes,
    IReadOnlyList<string> GrantTypes,
    IReadOnlyList<string> AllowedOrigins,
    bool RequirePkce,
    bool RequireConsent,
    long AccessTokenLifetimeSeconds,
    long RefreshTokenLifetimeSeconds,
    long? IdTokenLifetimeSeconds,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>The secret, only when the user asked for it with --reveal-secret.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Secret { get; init; }

    /// <summary>The file the secret was saved to (--secret-out).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SecretFile { get; init; }

    public static ClientView From(OAuthClient client) => new(
        client.Id,
        client.ClientId,
        client.Name,
        client.Description,
        client.IsConfidential,
        client.IsActive,
        client.IsSummary,
        client.ApplicationType,
        client.RedirectUris,
        client.AllowedScopes,
        client.GrantTypes,
        client.AllowedOrigins,
        client.RequirePkce,
        client.RequireConsent,
        (long)client.AccessTokenLifetime.TotalSeconds,
        (long)client.RefreshTokenLifetime.TotalSeconds,
        client.IdTokenLifetime is { } idToken ? (long)idToken.TotalSeconds : null,
        client.CreatedAt,
        client.UpdatedAt);
}

/// <summary>A rotated secret: whose, and where it went.</summary>
internal sealed record SecretView(string Id)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Secret { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SecretFile { get; init; }
}

/// <summary>The outcome of a command that returns no resource (delete, enable, disable, revoke-tokens).</summary>
internal sealed record ActionView(string Id, string Action);

/// <summary>Who the credential is.</summary>
internal sealed record IdentityView(
    string? Id,
    string? Email,
    string? Name,
    string? OrganisationId,
    string? Organisation,
    string? OrganisationName,
    bool? MfaEnabled,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Permissions,
    bool? CanReadClients)
{
    public static IdentityView From(OAuthClientsIdentity identity) => new(
        identity.Id,
        identity.Email,
        identity.Name,
        identity.OrganisationId,
        identity.Organisation,
        identity.OrganisationName,
        identity.MfaEnabled,
        identity.Roles,
        identity.Permissions,
        identity.CanReadClients);
}

/// <summary>One rotation pass (rotate-due): dry run or not, and what happened to each client.</summary>
internal sealed record RotationPassView(bool DryRun, IReadOnlyList<RotationClientView> Clients)
{
    public static RotationPassView From(RotationPassResult result) => new(
        result.DryRun,
        [.. result.Clients.Select(c => new RotationClientView(c.ClientId, c.Name, c.Outcome.ToString(), c.Reason))]);
}

/// <summary>One client of a rotation pass.</summary>
internal sealed record RotationClientView(string ClientId, string Name, string Outcome, string Reason);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ClientView))]
[JsonSerializable(typeof(IReadOnlyList<ClientView>))]
[JsonSerializable(typeof(SecretView))]
[JsonSerializable(typeof(ActionView))]
[JsonSerializable(typeof(IdentityView))]
[JsonSerializable(typeof(RotationPassView))]
internal sealed partial class OutputJsonContext : JsonSerializerContext;
