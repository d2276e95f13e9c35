using System.Net.Http;

namespace OAuthClients.Sdk.Http;

/// <summary>
/// A request as a dialect describes it: method, path relative to the base address (already escaped), and a UTF-8
/// JSON body. The transport turns it into a fresh <see cref="HttpRequestMessage"/> for every attempt.
/// </summary>
internal sealed record ApiRequest(HttpMethod Method, string Path, byte[]? Body = null)
{
    /// <summary>Gets a short description for messages: method and path, never a body.</summary>
    public override string ToString() => $"{Method} /{Path}";
}
