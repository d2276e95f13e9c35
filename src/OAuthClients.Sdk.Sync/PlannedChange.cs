using System.Collections.Generic;

namespace OAuthClients.Sdk.Sync;

/// <summary>What a plan does to one client, and why.</summary>
public sealed record PlannedChange
{
    /// <summary>Gets the action.</summary>
    public required SyncAction Action { get; init; }

    /// <summary>Gets the client's key (<see cref="DesiredClient.MatchKey"/>, or the server client's name when the document does not name it).</summary>
    public required string Key { get; init; }

    /// <summary>Gets the server's id of the client; <see langword="null"/> for a create.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the client id (the OAuth <c>client_id</c>); <see langword="null"/> for a create.</summary>
    public string? ClientId { get; init; }

    /// <summary>Gets the members that change (for an update or replace, only those that differ), before and after.</summary>
    public IReadOnlyList<MemberChange> Changes { get; init; } = [];

    /// <summary>Gets the document's client, for a create, update or replace.</summary>
    public DesiredClient? Desired { get; init; }

    /// <summary>Gets why a client is retained or replaced, for people.</summary>
    public string? Reason { get; init; }
}
