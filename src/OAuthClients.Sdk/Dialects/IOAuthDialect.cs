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

    ApiRequest List(ListPage? page);

    ApiRequest Get(string escapedId);

    ApiRequest Create(CreateOAuthClientRequest request);

    ApiRequest Update(string escapedId, UpdateOAuthClientRequest request);

    ApiRequest Delete(string escapedId);

    ApiRequest RotateSecret(string escapedId);

    /// <summary>The cheapest request that proves the credential works and says who it is.</summary>
    ApiRequest WhoAmI();

    /// <summary>Reads a list response; the readers throw <see cref="System.Text.Json.JsonException"/> for a body of the wrong shape.</summary>
    ClientPage ReadList(ReadOnlySpan<byte> body, ListPage? requested);

    OAuthClient ReadClient(ReadOnlySpan<byte> body);

    CreatedOAuthClient ReadCreated(ReadOnlySpan<byte> body);

    ClientSecret ReadSecret(ReadOnlySpan<byte> body);

    OAuthClientsIdentity ReadIdentity(ReadOnlySpan<byte> body);

    /// <summary>Reads what an error body says; never throws, whatever the body.</summary>
    ApiError ReadError(byte[] body);
}
