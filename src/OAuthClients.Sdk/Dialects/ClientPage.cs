using System.Collections.Generic;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Dialects;

/// <summary>One page of clients, and the page to fetch next (<see langword="null"/> at the end).</summary>
internal sealed record ClientPage(IReadOnlyList<OAuthClient> Clients, ListPage? Next);
