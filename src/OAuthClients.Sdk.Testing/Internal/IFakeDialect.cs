using System.Collections.Generic;
using System.Text.Json.Nodes;
using WireMock;

namespace OAuthClients.Sdk.Testing.Internal;

/// <summary>One provider's routes, credentials, JSON and error bodies, over the shared store.</summary>
internal interface IFakeDialect
{
    /// <summary>Gets the path of the client collection, such as <c>/v1/admin/clients</c>.</summary>
    string Collection { get; }

    /// <summary>Gets whether every response carries an <c>X-Request-Id</c> (Cerberus does; LumoAuth documents none).</summary>
    bool SendsRequestId { get; }

    /// <summary>Gets the path of the OAuth 2.0 token endpoint, such as <c>/oauth2/token</c>.</summary>
    string TokenPath { get; }

    /// <summary>Gets whether clients have the Cerberus-only members (ID token lifetime, updatedAt).</summary>
    bool HasIdTokens { get; }

    /// <summary>
    /// Refuses a request whose credentials are missing or wrong, or answers one of the dialect's own routes outside the
    /// collection (a login, say); <see langword="null"/> lets it through to the collection.
    /// </summary>
    FakeResponse? Authenticate(IRequestMessage request);

    /// <summary>Adds what every response carries (a fresh CSRF token, say).</summary>
    void Decorate(FakeResponse response);

    /// <summary>The dialect's error body for <paramref name="status"/>.</summary>
    FakeResponse Error(int status, string message, IReadOnlyDictionary<string, string>? fieldErrors = null);

    /// <summary>The JSON of a stored client.</summary>
    JsonObject ToJson(StoredClient client);

    /// <summary>Field errors of a create body, or none.</summary>
    Dictionary<string, string> ValidateCreate(JsonObject body);

    /// <summary>A new client from a valid create body.</summary>
    StoredClient NewClient(JsonObject body);

    /// <summary>Applies an update body to a stored client.</summary>
    void Apply(StoredClient client, JsonObject body);

    JsonNode CreatedResponse(StoredClient client);

    JsonNode ListResponse(IReadOnlyList<StoredClient> clients);

    /// <summary>The list answer to <paramref name="request"/>, whose query may page or filter it.</summary>
    JsonNode ListResponse(IReadOnlyList<StoredClient> clients, IRequestMessage request) => ListResponse(clients);

    /// <summary>The answer to a delete.</summary>
    FakeResponse Deleted() => new(204, null);

    /// <summary>Whether the id of a path names <paramref name="client"/>.</summary>
    bool Matches(StoredClient client, string id) => client.Id == id;

    /// <summary>
    /// Answers the dialect's own routes below one client (enable, revoke, scopes...) other than update and rotate;
    /// <see langword="null"/> when it has no such route.
    /// </summary>
    FakeResponse? Action(string method, string action, StoredClient client, JsonObject? body) => null;

    JsonNode SecretResponse(StoredClient client);

    /// <summary>The method of updates (PUT or PATCH) and the last segment of the rotate route.</summary>
    (string UpdateMethod, string RotateSegment) Routes { get; }

    /// <summary>A new secret, in the provider's style.</summary>
    string NewSecret();

    OAuthClientsOptions CreateOptions(System.Uri baseAddress, bool useSession);
}
