using System.Collections.Generic;
using System.Text.Json.Serialization;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>
/// A batch of a list's items (a JSON array), read by <see cref="CerberusClientBatchConverter"/> straight into the models.
/// A type of its own so that the converter is chosen by attribute: a converter in the context's options would turn
/// off the source-generated fast path of every serialization in the context.
/// </summary>
[JsonConverter(typeof(CerberusClientBatchConverter))]
internal readonly struct CerberusClientBatch(List<OAuthClient> clients)
{
    /// <summary>Gets the clients, without the list's <c>null</c> items.</summary>
    public List<OAuthClient> Clients { get; } = clients;
}
