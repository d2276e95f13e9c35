using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;

namespace OAuthClients.Sdk.Http;

/// <summary>
/// A request as a dialect describes it: method, path relative to the base address (already escaped), and a body:
/// UTF-8 bytes (JSON unless <see cref="ContentType"/> says otherwise), or an object serialized to JSON for every
/// attempt (<see cref="JsonBody"/>). The transport turns it into a fresh <see cref="HttpRequestMessage"/> for every attempt.
/// </summary>
internal sealed record ApiRequest(HttpMethod Method, string Path, byte[]? Body = null)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <summary>
    /// Initializes a new instance of the <see cref="ApiRequest"/> class with a JSON body that each attempt serializes
    /// into a pooled buffer (<see cref="PooledJsonContent"/>) instead of a <c>byte[]</c> made once.
    /// </summary>
    public ApiRequest(HttpMethod method, string path, object jsonBody, JsonTypeInfo jsonBodyType)
        : this(method, path)
    {
        JsonBody = jsonBody;
        JsonBodyType = jsonBodyType;
    }

    /// <summary>Gets the object sent as JSON, or <see langword="null"/>.</summary>
    public object? JsonBody { get; }

    /// <summary>Gets the source-generated metadata that serializes <see cref="JsonBody"/>.</summary>
    public JsonTypeInfo? JsonBodyType { get; }

    /// <summary>Gets the media type of <see cref="Body"/>.</summary>
    public MediaTypeHeaderValue ContentType { get; init; } = Json;

    /// <summary>
    /// Gets the request's own credentials (a token request's client authentication), sent instead of the dialect's
    /// authenticator, which then neither sees the request nor learns from its response.
    /// </summary>
    public AuthenticationHeaderValue? Authorization { get; init; }

    /// <summary>
    /// Gets what authenticates this request instead of the dialect's authenticator (a login, which must not wait for
    /// the session it creates), or <see langword="null"/> for the dialect's.
    /// </summary>
    public IRequestAuthenticator? Authenticator { get; init; }

    /// <summary>
    /// Gets a value indicating whether the request may be repeated after any transient failure, as reads and
    /// idempotent writes are. Creates and secret rotations (POST) may not, unless they say so.
    /// </summary>
    public bool Repeatable { get; init; } = Method != HttpMethod.Post;

    /// <summary>
    /// Gets what a 404 to this request may mean beyond "no such client" (the collection itself missing: another API
    /// at this address), appended to the exception's message.
    /// </summary>
    public string? NotFoundHint { get; init; }

    /// <summary>Gets a short description for messages: method and path, never a body.</summary>
    public override string ToString() => $"{Method} /{Path}";
}
