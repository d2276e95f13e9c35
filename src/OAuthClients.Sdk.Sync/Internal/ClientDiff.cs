using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Sync.Internal;

/// <summary>
/// The per-member comparison of a document's client with a server client: only members the document sets, lists as
/// sets. Members that <see cref="UpdateOAuthClientRequest"/> cannot carry are the ones that force a replace.
/// </summary>
internal static class ClientDiff
{
    private static readonly OAuthClient Defaults = new() { Id = "-", ClientId = "-", Name = "-" };

    public static (List<MemberChange> Updatable, List<MemberChange> Unchangeable) Compare(DesiredClient desired, OAuthClient server)
    {
        var updatable = new List<MemberChange>();
        var unchangeable = new List<MemberChange>();
        Add(updatable, "name", server.Name, desired.Name);
        Add(updatable, "description", server.Description, desired.Description);
        Add(updatable, "redirectUris", server.RedirectUris, desired.RedirectUris);
        Add(updatable, "grantTypes", server.GrantTypes, desired.GrantTypes);
        Add(updatable, "allowedScopes", server.AllowedScopes, desired.AllowedScopes);
        Add(updatable, "allowedOrigins", server.AllowedOrigins, desired.AllowedOrigins);
        Add(updatable, "requireConsent", server.RequireConsent, desired.RequireConsent);
        Add(updatable, "accessTokenLifetime", server.AccessTokenLifetime, desired.AccessTokenLifetime);
        Add(updatable, "refreshTokenLifetime", server.RefreshTokenLifetime, desired.RefreshTokenLifetime);
        Add(updatable, "idTokenLifetime", server.IdTokenLifetime, desired.IdTokenLifetime);
        Add(updatable, "isActive", server.IsActive, desired.IsActive);
        Add(unchangeable, "isConfidential", server.IsConfidential, desired.IsConfidential);
        Add(unchangeable, "applicationType", server.ApplicationType, desired.ApplicationType);
        Add(unchangeable, "requirePkce", server.RequirePkce, desired.RequirePkce);
        Add(unchangeable, "isFirstParty", server.IsFirstParty, desired.IsFirstParty);
        return (updatable, unchangeable);
    }

    /// <summary>Every member the document sets, as a create shows them (before is empty).</summary>
    public static List<MemberChange> Created(DesiredClient desired)
    {
        var changes = new List<MemberChange>();
        Add(changes, "name", null, desired.Name);
        Add(changes, "description", null, desired.Description);
        Add(changes, "redirectUris", null, desired.RedirectUris);
        Add(changes, "isConfidential", null, desired.IsConfidential);
        Add(changes, "applicationType", null, desired.ApplicationType);
        Add(changes, "grantTypes", null, desired.GrantTypes);
        Add(changes, "allowedScopes", null, desired.AllowedScopes);
        Add(changes, "allowedOrigins", null, desired.AllowedOrigins);
        Add(changes, "requirePkce", null, desired.RequirePkce);
        Add(changes, "requireConsent", null, desired.RequireConsent);
        Add(changes, "isFirstParty", null, desired.IsFirstParty);
        Add(changes, "accessTokenLifetime", null, desired.AccessTokenLifetime);
        Add(changes, "refreshTokenLifetime", null, desired.RefreshTokenLifetime);
        Add(changes, "idTokenLifetime", null, desired.IdTokenLifetime);
        Add(changes, "isActive", null, desired.IsActive);
        return changes;
    }

    /// <summary>The update request of exactly the members that differ.</summary>
    public static UpdateOAuthClientRequest Update(DesiredClient desired, IReadOnlyList<MemberChange> changes)
    {
        bool Has(string member) => changes.Any(c => c.Member == member);
        return new UpdateOAuthClientRequest
        {
            Name = Has("name") ? desired.Name : null,
            Description = Has("description") ? desired.Description : null,
            RedirectUris = Has("redirectUris") ? desired.RedirectUris : null,
            GrantTypes = Has("grantTypes") ? desired.GrantTypes : null,
            AllowedScopes = Has("allowedScopes") ? desired.AllowedScopes : null,
            AllowedOrigins = Has("allowedOrigins") ? desired.AllowedOrigins : null,
            RequireConsent = Has("requireConsent") ? desired.RequireConsent : null,
            AccessTokenLifetime = Has("accessTokenLifetime") ? desired.AccessTokenLifetime : null,
            RefreshTokenLifetime = Has("refreshTokenLifetime") ? desired.RefreshTokenLifetime : null,
            IdTokenLifetime = Has("idTokenLifetime") ? desired.IdTokenLifetime : null,
        };
    }

    public static CreateOAuthClientRequest Create(DesiredClient desired) => new()
    {
        Name = desired.Name,
        RedirectUris = desired.RedirectUris,
        Description = desired.Description,
        IsConfidential = desired.IsConfidential ?? true,
        ApplicationType = desired.ApplicationType,
        GrantTypes = desired.GrantTypes,
        AllowedScopes = desired.AllowedScopes,
        AllowedOrigins = desired.AllowedOrigins,
        RequirePkce = desired.RequirePkce,
        RequireConsent = desired.RequireConsent,
        IsFirstParty = desired.IsFirstParty,
        AccessTokenLifetime = desired.AccessTokenLifetime,
        RefreshTokenLifetime = desired.RefreshTokenLifetime,
        IdTokenLifetime = desired.IdTokenLifetime,
    };

    /// <summary>The document entry of a server client: every member that differs from the model's default.</summary>
    public static DesiredClient Export(OAuthClient client) => new()
    {
        Name = client.Name,
        RedirectUris = Sorted(client.RedirectUris),
        Description = client.Description,
        IsConfidential = client.IsConfidential ? null : false,
        ApplicationType = client.ApplicationType,
        GrantTypes = client.GrantTypes.Count == 0 ? null : Sorted(client.GrantTypes),
        AllowedScopes = client.AllowedScopes.Count == 0 ? null : Sorted(client.AllowedScopes),
        AllowedOrigins = client.AllowedOrigins.Count == 0 ? null : Sorted(client.AllowedOrigins),
        RequirePkce = client.RequirePkce ? true : null,
        RequireConsent = client.RequireConsent ? true : null,
        IsFirstParty = client.IsFirstParty ? true : null,
        AccessTokenLifetime = client.AccessTokenLifetime == Defaults.AccessTokenLifetime ? null : client.AccessTokenLifetime,
        RefreshTokenLifetime = client.RefreshTokenLifetime == Defaults.RefreshTokenLifetime ? null : client.RefreshTokenLifetime,
        IdTokenLifetime = client.IdTokenLifetime,
        IsActive = client.IsActive ? null : false,
    };

    /// <summary>The same text for a member wherever it is shown, so that equal values compare equal.</summary>
    public static string Text(IReadOnlyList<string> values) => "[" + string.Join(", ", Sorted(values)) + "]";

    private static string[] Sorted(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal).ToArray();

    private static void Add(List<MemberChange> changes, string member, string? before, string? after)
    {
        if (after is not null && !string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(new MemberChange(member, before, after));
        }
    }

    private static void Add(List<MemberChange> changes, string member, IReadOnlyList<string>? before, IReadOnlyList<string>? after) =>
        Add(changes, member, before is null ? null : Text(before), after is null ? null : Text(after));

    private static void Add(List<MemberChange> changes, string member, bool? before, bool? after) =>
        Add(changes, member, before is { } b ? (b ? "true" : "false") : null, after is { } a ? (a ? "true" : "false") : null);

    private static void Add(List<MemberChange> changes, string member, TimeSpan? before, TimeSpan? after) =>
        Add(changes, member, Seconds(before), Seconds(after));

    private static string? Seconds(TimeSpan? value) => value is { } v ? ((long)v.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s" : null;
}
