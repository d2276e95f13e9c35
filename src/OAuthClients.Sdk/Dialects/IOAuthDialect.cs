using System;
using OAuthClients.Sdk.Http;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Dialects;

/// <summary>
/// Everything that differs between providers: routes, wire DTOs and their JSON, error bodies, credentials and the
/// rules of what a request may carry. One implementation per folder under <c>Dialects/</c>. Ids handed to a dialect
/// are already escaped for a path segment.
/// </summary>
internal interface IOAuthDialect
{
    /// <summary>Gets the provider's name, as used in messages.</summary>
    string Name { get; }

    /// <summary>Gets what applies this dialect's credentials to every request.</summary>
    IRequestAuthenticator Authenticator { get; }

    /// <summary>Throws <see cref="System.ArgumentException"/> for what this dialect cannot carry or requires.</summary>
    void Validate(CreateOAuthClientRequest request);

    /// <summary>Throws <see cref="System.ArgumentException"/> for what this dialect cannot carry.</summary>
    void Validate(UpdateOAuthClientRequest request);

    /// <summary>Throws <see cref="System.NotSupportedException"/> or <see cref="System.ArgumentException"/> for list options this dialect cannot honour.</summary>
    void Validate(OAuthClientListOptions options);

    /// <summary>The page a list starts with: <see langword="null"/> for the plain collection.</summary>
    ListPage? FirstPage(OAuthClientListOptions options);

    ApiRequest List(ListPage? page, OAuthClientListOptions options);

    ApiRequest Get(string escapedId);

    ApiRequest Create(CreateOAuthClientRequest request);

    ApiRequest Update(string escapedId, UpdateOAuthClientRequest request);

    ApiRequest Delete(string escapedId);

    ApiRequest RotateSecret(string escapedId);

    /// <summary>The native endpoint, or the equivalent update of <c>isActive</c>.</summary>
    ApiRequest Enable(string escapedId);

    /// <summary>The native endpoint, or the equivalent update of <c>isActive</c>.</summary>
    ApiRequest Disable(string escapedId);

    /// <summary>Revokes every live token of a client; throws <see cref="System.NotSupportedException"/> where nothing does.</summary>
    ApiRequest RevokeTokens(string escapedId);

    /// <summary>A request whose response <see cref="ReadScopes"/> reads.</summary>
    ApiRequest GetScopes(string escapedId);

    /// <summary>A request whose response <see cref="ReadScopes"/> reads.</summary>
    ApiRequest ReplaceScopes(string escapedId, System.Collections.Generic.IReadOnlyList<string> scopes);

    /// <summary>The scopes in the response to <see cref="GetScopes"/> or <see cref="ReplaceScopes"/>.</summary>
    System.Collections.Generic.IReadOnlyList<string> ReadScopes(ReadOnlySpan<byte> body);

    /// <summary>Gets how a list response is streamed item by item; the readers throw <see cref="System.Text.Json.JsonException"/> for a body of the wrong shape.</summary>
    ListShape ListShape { get; }

    /// <summary>The cheapest request that proves the credential works and says who it is.</summary>
    ApiRequest WhoAmI();

    OAuthClient ReadClient(ReadOnlySpan<byte> body);

    CreatedOAuthClient ReadCreated(ReadOnlySpan<byte> body);

    ClientSecret ReadSecret(ReadOnlySpan<byte> body);

    OAuthClientsIdentity ReadIdentity(ReadOnlySpan<byte> body);

    /// <summary>Reads what an error body says; never throws, whatever the body.</summary>
    ApiError ReadError(byte[] body);
}
