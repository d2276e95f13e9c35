using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk;

/// <summary>
/// Manages OAuth client registrations through a provider's admin API. The same calls work for every
/// <see cref="OAuthDialect"/>. Implemented by <see cref="OAuthClientsClient"/>; mock this interface in tests.
/// </summary>
/// <remarks>
/// Every method validates its arguments and throws <see cref="ArgumentException"/> before sending anything it knows
/// to be invalid. Any error status from the server throws <see cref="OAuthClientsApiException"/> (or a subclass); a
/// timed-out attempt throws <see cref="TimeoutException"/>; cancelling <c>cancellationToken</c> throws
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public interface IOAuthClientsClient
{
    /// <summary>
    /// Lists every client, fetching further pages lazily while the caller enumerates. Some lists return summaries
    /// (<see cref="OAuthClient.IsSummary"/>); ask for full clients with <see cref="ListAsync(OAuthClientListOptions, CancellationToken)"/>.
    /// </summary>
    /// <param name="cancellationToken">A token that cancels the enumeration.</param>
    /// <returns>The clients, in the server's order.</returns>
    /// <exception cref="OAuthClientsApiException">The server answered with an error or an unreadable body.</exception>
    /// <exception cref="TimeoutException">An attempt took longer than <see cref="OAuthClientsOptions.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    IAsyncEnumerable<OAuthClient> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets one client. The secret is never returned.</summary>
    /// <param name="id">The client's <see cref="OAuthClient.Id"/>.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, white space, <c>.</c> or <c>..</c>, or contains <c>/</c>, <c>\</c>, <c>?</c>, <c>#</c> or control characters.</exception>
    /// <exception cref="OAuthClientNotFoundException">No client has this id.</exception>
    /// <exception cref="OAuthClientsApiException">The server answered with another error or an unreadable body.</exception>
    /// <exception cref="TimeoutException">An attempt took longer than <see cref="OAuthClientsOptions.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<OAuthClient> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a client. For a confidential client the result carries its secret: the only copy that will ever
    /// exist. A create whose outcome is unknown is never repeated.
    /// </summary>
    /// <param name="request">The new client's settings.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The new client and, for a confidential client, its secret.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// A member is invalid (blank name, no or invalid redirect URI, a lifetime that is not a positive whole number of
    /// seconds), or the configured dialect cannot carry it.
    /// </exception>
    /// <exception cref="OAuthClientsValidationException">The server rejected the settings.</exception>
    /// <exception cref="OAuthClientsApiException">The server answered with another error or an unreadable body.</exception>
    /// <exception cref="TimeoutException">An attempt took longer than <see cref="OAuthClientsOptions.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<CreatedOAuthClient> CreateAsync(CreateOAuthClientRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes the members of a client that <paramref name="request"/> sets, and no others.</summary>
    /// <param name="id">The client's <see cref="OAuthClient.Id"/>.</param>
    /// <param name="request">The members to change.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The updated client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The id or a member is invalid (see <see cref="GetAsync"/> for ids), the request sets nothing, or the configured dialect cannot carry a member.</exception>
    /// <exception cref="OAuthClientNotFoundException">No client has this id.</exception>
    /// <exception cref="OAuthClientsValidationException">The server rejected the settings.</exception>
    /// <exception cref="OAuthClientsApiException">The server answered with another error or an unreadable body.</exception>
    /// <exception cref="TimeoutException">An attempt took longer than <see cref="OAuthClientsOptions.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<OAuthClient> UpdateAsync(string id, UpdateOAuthClientRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a client. The provider revokes all of its tokens at once.</summary>
    /// <param name="id">The client's <see cref="OAuthClient.Id"/>.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>A task that completes when the server has deleted the client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, white space, <c>.</c> or <c>..</c>, or contains <c>/</c>, <c>\</c>, <c>?</c>, <c>#</c> or control characters.</exception>
    /// <exception cref="OAuthClientNotFoundException">No client has this id.</exception>
    /// <exception cref="OAuthClientsApiException">The server answered with another error.</exception>
    /// <exception cref="TimeoutException">An attempt took longer than <see cref="OAuthClientsOptions.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a confidential client's secret. The old secret stops working at once, and the returned one is the only
    /// copy that will ever exist. A rotation whose outcome is unknown is never repeated.
    /// </summary>
    /// <param name="id">The client's <see cref="OAuthClient.Id"/>.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The new secret.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, white space, <c>.</c> or <c>..</c>, or contains <c>/</c>, <c>\</c>, <c>?</c>, <c>#</c> or control characters.</exception>
    /// <exception cref="OAuthClientNotFoundException">No client has this id.</exception>
    /// <exception cref="OAuthClientsApiException">
    /// The server answered with another error, or with a success whose body could not be read (the message then says
    /// that the secret may have changed).
    /// </exception>
    /// <exception cref="TimeoutException">An attempt took longer than <see cref="OAuthClientsOptions.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ClientSecret> RotateSecretAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists clients as <paramref name="options"/> asks: page size, server-side search, and full clients instead of
    /// the summaries some lists return. Further pages are fetched lazily while the caller enumerates.
    /// </summary>
    /// <param name="options">How to list.</param>
    /// <param name="cancellationToken">A token that cancels the enumeration.</param>
    /// <returns>The clients, in the server's order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <see cref="OAuthClientListOptions.PageSize"/> is not positive or larger than the provider's largest page, or
    /// <see cref="OAuthClientListOptions.MaxConcurrency"/> is not between 1 and <see cref="OAuthClientListOptions.MaxConcurrencyLimit"/>.
    /// </exception>
    /// <exception cref="NotSupportedException">The configured dialect cannot honour <see cref="OAuthClientListOptions.Search"/>; nothing was sent.</exception>
    /// <exception cref="OAuthClientsApiException">The server answered with an error or an unreadable body.</exception>
    /// <exception cref="TimeoutException">An attempt took longer than <see cref="OAuthClientsOptions.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    IAsyncEnumerable<OAuthClient> ListAsync(OAuthClientListOptions options, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lets a client obtain new tokens again. LumoAuth <see cref="LumoAuthApi.Clients"/>: <c>POST /{id}/enable</c>;
    /// LumoAuth <see cref="LumoAuthApi.OAuthClients"/> and Cerberus: an update of <c>isActive</c> to <see langword="true"/>.
    /// Repeating it is harmless.
    /// </summary>
    /// <param name="id">The client's <see cref="OAuthClient.Id"/>.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>A task that completes when the server has enabled the client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, white space, <c>.</c> or <c>..</c>, or contains <c>/</c>, <c>\</c>, <c>?</c>, <c>#</c> or control characters.</exception>
    /// <exception cref="OAuthClientNotFoundException">No client has this id.</exception>
    /// <exception cref="OAuthClientsApiException">The server answered with another error.</exception>
    /// <exception cref="TimeoutException">An attempt took longer than <see cref="OAuthClientsOptions.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task EnableAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stops a client from obtaining new tokens; tokens it already holds keep working until they expire (see
    /// <see cref="RevokeTokensAsync"/>). LumoAuth <see cref="LumoAuthApi.Clients"/>: <c>POST /{id}/disable</c>; LumoAuth
    /// <see cref="LumoAuthApi.OAuthClients"/> and Cerberus: an update of <c>isActive</c> to <see langword="false"/>.
    /// Repeating it is harmless.
    /// </summary>
    /// <param name="id">The client's <see cref="OAuthClient.Id"/>.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>A task that completes when the server has disabled the client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, white space, <c>.</c> or <c>..</c>, or contains <c>/</c>, <c>\</c>, <c>?</c>, <c>#</c> or control characters.</exception>
    /// <exception cref="OAuthClientNotFoundException">No client has this id.</exception>
    /// <exception cref="OAuthClientsApiException">The server answered with another error.</exception>
    /// <exception cref="TimeoutException">An attempt took longer than <see cref="OAuthClientsOptions.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task DisableAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes every live token of a client, so that they stop working at once. LumoAuth <see cref="LumoAuthApi.Clients"/>:
    /// <c>DELETE /{id}/tokens</c>. Cerberus: <c>POST /{id}/revoke</c>, which also disables the client (enable it again
    /// with <see cref="EnableAsync"/>). LumoAuth <see cref="LumoAuthApi.OAuthClients"/> has no equivalent: it throws
    /// <see cref="NotSupportedException"/>. Repeating it is harmless.
    /// </summary>
    /// <param name="id">The client's <see cref="OAuthClient.Id"/>.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>A task that completes when the server has revoked the tokens.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, white space, <c>.</c> or <c>..</c>, or contains <c>/</c>, <c>\</c>, <c>?</c>, <c>#</c> or control characters.</exception>
    /// <exception cref="NotSupportedException">The configured dialect cannot revoke a client's tokens; nothing was sent.</exception>
    /// <exception cref="OAuthClientNotFoundException">No client has this id.</exception>
    /// <exception cref="OAuthClientsApiException">The server answered with another error.</exception>
    /// <exception cref="TimeoutException">An attempt took longer than <see cref="OAuthClientsOptions.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task RevokeTokensAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the scopes a client may request. LumoAuth <see cref="LumoAuthApi.Clients"/>: <c>GET /{id}/scopes</c>; elsewhere
    /// the <see cref="OAuthClient.AllowedScopes"/> of <see cref="GetAsync"/>.
    /// </summary>
    /// <param name="id">The client's <see cref="OAuthClient.Id"/>.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The scopes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, white space, <c>.</c> or <c>..</c>, or contains <c>/</c>, <c>\</c>, <c>?</c>, <c>#</c> or control characters.</exception>
    /// <exception cref="OAuthClientNotFoundException">No client has this id.</exception>
    /// <exception cref="OAuthClientsApiException">The server answered with another error or an unreadable body.</exception>
    /// <exception cref="TimeoutException">An attempt took longer than <see cref="OAuthClientsOptions.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<IReadOnlyList<string>> GetScopesAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the scopes a client may request. LumoAuth <see cref="LumoAuthApi.Clients"/>: <c>PUT /{id}/scopes</c>;
    /// elsewhere an update of <see cref="UpdateOAuthClientRequest.AllowedScopes"/>.
    /// </summary>
    /// <param name="id">The client's <see cref="OAuthClient.Id"/>.</param>
    /// <param name="scopes">The new scopes; empty removes every scope.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The scopes as the server stored them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="scopes"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The id is invalid (see <see cref="GetAsync"/>), or a scope is null, empty or white space.</exception>
    /// <exception cref="OAuthClientNotFoundException">No client has this id.</exception>
    /// <exception cref="OAuthClientsValidationException">The server rejected the scopes.</exception>
    /// <exception cref="OAuthClientsApiException">The server answered with another error or an unreadable body.</exception>
    /// <exception cref="TimeoutException">An attempt took longer than <see cref="OAuthClientsOptions.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<IReadOnlyList<string>> ReplaceScopesAsync(string id, IReadOnlyList<string> scopes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks the configured credential and says who it is and what it may do, with the cheapest request that proves
    /// it: Cerberus <c>GET /v1/me/profile</c> (logging in first in login mode); LumoAuth a one-item page of clients.
    /// </summary>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The identity; see <see cref="OAuthClientsIdentity.CanReadClients"/> for whether it can read clients.</returns>
    /// <exception cref="OAuthClientsMfaRequiredException">Login mode: the service account requires multi-factor authentication.</exception>
    /// <exception cref="OAuthClientsApiException">The server refused the credential (401, 403) or answered with another error.</exception>
    /// <exception cref="TimeoutException">An attempt took longer than <see cref="OAuthClientsOptions.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<OAuthClientsIdentity> WhoAmIAsync(CancellationToken cancellationToken = default);
}
