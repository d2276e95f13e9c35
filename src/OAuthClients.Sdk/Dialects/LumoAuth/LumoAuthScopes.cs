using System.Collections.Generic;

namespace OAuthClients.Sdk.Dialects.LumoAuth;

/// <summary>
/// A client's scopes on <c>/admin/clients/{id}/scopes</c>: the responses carry them in <c>data</c>; the replace request
/// sends them in <c>scopes</c>, the member name of the client object.
/// </summary>
internal sealed class LumoAuthScopes
{
    public List<string?>? Data { get; set; }

    public IReadOnlyList<string>? Scopes { get; set; }
}
