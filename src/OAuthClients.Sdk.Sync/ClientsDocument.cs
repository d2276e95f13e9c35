using System.Collections.Generic;

namespace OAuthClients.Sdk.Sync;

/// <summary>
/// A desired-state document: the OAuth clients a tenant should have. Read one with
/// <see cref="ClientsDocumentSerializer"/>; its JSON Schema is <c>oauth-clients.schema.json</c>
/// (<see cref="ClientsDocumentSerializer.Schema"/>). A document never carries a secret.
/// </summary>
public sealed record ClientsDocument
{
    /// <summary>Gets the clients the tenant should have; keys (<see cref="DesiredClient.MatchKey"/>) are unique.</summary>
    public IReadOnlyList<DesiredClient> Clients { get; init; } = [];
}
