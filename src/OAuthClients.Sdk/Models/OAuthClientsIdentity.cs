using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace OAuthClients.Sdk.Models;

/// <summary>
/// Who the configured credential is and what it may do, as <see cref="IOAuthClientsClient.WhoAmIAsync"/> found out.
/// Members the provider does not say are <see langword="null"/> or empty: Cerberus returns the user profile of the
/// session or key; LumoAuth only proves that the key can read the tenant's clients.
/// </summary>
public sealed record OAuthClientsIdentity
{
    /// <summary>Gets the user's (or key's) id, or <see langword="null"/> when the provider does not say.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the user's email, or <see langword="null"/> when the provider does not say.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the user's display name, or <see langword="null"/> when the provider does not say.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the id of the organisation, or <see langword="null"/> when the provider does not say.</summary>
    public string? OrganisationId { get; init; }

    /// <summary>Gets the organisation's slug (Cerberus) or the tenant (LumoAuth), or <see langword="null"/>.</summary>
    public string? Organisation { get; init; }

    /// <summary>Gets the organisation's display name, or <see langword="null"/> when the provider does not say.</summary>
    public string? OrganisationName { get; init; }

    /// <summary>Gets whether the user has multi-factor authentication on, or <see langword="null"/> when the provider does not say.</summary>
    public bool? MfaEnabled { get; init; }

    /// <summary>Gets the user's roles; empty when the provider does not say.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Gets the user's permissions, such as <c>clients:read</c>; empty when the provider does not say.</summary>
    public IReadOnlyList<string> Permissions { get; init; } = [];

    /// <summary>
    /// Gets whether the credential can list and read OAuth clients: <see langword="true"/> when the provider proved
    /// or granted it, <see langword="false"/> when its permissions lack it, <see langword="null"/> when it does not say.
    /// </summary>
    public bool? CanReadClients { get; init; }

    /// <summary>Compares every member; the lists item by item, in order.</summary>
    /// <param name="other">The identity to compare with.</param>
    /// <returns><see langword="true"/> when every member is equal.</returns>
    public bool Equals(OAuthClientsIdentity? other) =>
        other is not null
        && Id == other.Id && Email == other.Email && Name == other.Name && OrganisationId == other.OrganisationId
        && Organisation == other.Organisation && OrganisationName == other.OrganisationName && MfaEnabled == other.MfaEnabled
        && Roles.SequenceEqual(other.Roles) && Permissions.SequenceEqual(other.Permissions) && CanReadClients == other.CanReadClients;

    /// <summary>Returns a hash code consistent with <see cref="Equals(OAuthClientsIdentity)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id ?? Organisation ?? string.Empty) ^ Permissions.Count;

    // Shows the lists' items rather than their type name.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Email = ").Append(Email).Append(", Name = ").Append(Name)
            .Append(", OrganisationId = ").Append(OrganisationId).Append(", Organisation = ").Append(Organisation)
            .Append(", OrganisationName = ").Append(OrganisationName).Append(", MfaEnabled = ").Append(MfaEnabled)
            .Append(", Roles = [").Append(string.Join(", ", Roles)).Append(']')
            .Append(", Permissions = [").Append(string.Join(", ", Permissions)).Append(']')
            .Append(", CanReadClients = ").Append(CanReadClients);
        return true;
    }
}
