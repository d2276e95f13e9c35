using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OAuthClients.Sdk.Dialects;
using OAuthClients.Sdk.Http;
using OAuthClients.Sdk.Internal;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk;

/// <summary>
/// The typed client of the SDK: one instance manages the OAuth clients of one provider deployment (and tenant), as
/// configured by <see cref="OAuthClientsOptions"/>. Thread-safe and meant to be long-lived; register it with
/// <c>AddOAuthClientsSdk</c> or keep one instance.
/// </summary>
public class OAuthClientsClient : IOAuthClientsClient
{
    private readonly IOAuthDialect _dialect;
    private readonly ApiTransport _transport;

    /// <summary>
    /// Initializes a new instance of the <see cref="OAuthClientsClient"/> class with an <see cref="HttpClient"/> of its
    /// own, which follows no redirects and keeps no cookies.
    /// </summary>
    /// <param name="options">The settings; copied, so later changes to them have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid; the message names each wrong setting.</exception>
    public OAuthClientsClient(OAuthClientsOptions options)
        : this(DialectFor(options, tokenProvider: null), options, httpClient: null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="OAuthClientsClient"/> class that sends through
    /// <paramref name="httpClient"/>, which the caller owns. Its handler should not follow redirects (a credential
    /// must not reach another host) nor manage cookies (the SDK sends the Cerberus session cookie itself).
    /// </summary>
    /// <param name="httpClient">The client to send requests with. Its <c>BaseAddress</c> is not used.</param>
    /// <param name="options">The settings; copied, so later changes to them have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid; the message names each wrong setting.</exception>
    public OAuthClientsClient(HttpClient httpClient, OAuthClientsOptions options)
        : this(DialectFor(options, tokenProvider: null), options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)))
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="OAuthClientsClient"/> class that sends through
    /// <paramref name="httpClient"/> with the bearer tokens of <paramref name="tokenProvider"/>, which then is the
    /// client's only credential (leave <see cref="OAuthClientsOptions.ApiKey"/>, <see cref="OAuthClientsOptions.ClientCredentials"/>
    /// and <see cref="OAuthClientsOptions.SessionCookie"/> unset).
    /// </summary>
    /// <param name="httpClient">The client to send requests with, as for <see cref="OAuthClientsClient(HttpClient, OAuthClientsOptions)"/>.</param>
    /// <param name="options">The settings; copied, so later changes to them have no effect.</param>
    /// <param name="tokenProvider">Supplies the token of every request.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid; the message names each wrong setting.</exception>
    public OAuthClientsClient(HttpClient httpClient, OAuthClientsOptions options, IOAuthClientsTokenProvider tokenProvider)
        : this(
            DialectFor(options, tokenProvider ?? throw new ArgumentNullException(nameof(tokenProvider))),
            options,
            httpClient ?? throw new ArgumentNullException(nameof(httpClient)))
    {
    }

    /// <summary>Initializes a new instance that shares <paramref name="dialect"/> (and so its credential state) with others.</summary>
    internal OAuthClientsClient(IOAuthDialect dialect, OAuthClientsOptions options, HttpClient? httpClient, TimeProvider? time = null, ILogger? logger = null)
    {
        _dialect = dialect;
        _transport = new ApiTransport(
            httpClient ?? new HttpClient(PrimaryHandler.Create()) { Timeout = Timeout.InfiniteTimeSpan },
            WithTrailingSlash(options.BaseAddress!),
            dialect,
            options.Timeout,
            options.MaxResponseSize,
            new RetryPolicy(options.MaxRetries, options.MaxRetryDelay),
            time ?? TimeProvider.System,
            logger ?? NullLogger.Instance);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<OAuthClient> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var guard = new EnumerationGuard();
        ListPage? page = null;
        do
        {
            using var list = await _transport.OpenListAsync(_dialect.List(page), _dialect.ListShape, cancellationToken).ConfigureAwait(false);
            var count = 0;
            while (await list.NextAsync(cancellationToken).ConfigureAwait(false) is { } client)
            {
                count++;
                guard.Saw(client);
                yield return client;
            }

            var (next, problem) = guard.After(page, list.End(page, count));
            if (problem is not null)
            {
                throw list.Stop(problem);
            }

            page = next;
        }
        while (page is not null);
    }

    /// <inheritdoc/>
    public Task<OAuthClient> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var request = _dialect.Get(RequestRules.EscapedId(id, nameof(id)));
        return _transport.SendAsync(request, Operation.Get, _dialect.ReadClient, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<CreatedOAuthClient> CreateAsync(CreateOAuthClientRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request, nameof(request));
        _dialect.Validate(request);
        RequestRules.Check(request, nameof(request));
        return _transport.SendAsync(_dialect.Create(request), Operation.Create, body => WithSecret(_dialect.ReadCreated(body), request), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<OAuthClient> UpdateAsync(string id, UpdateOAuthClientRequest request, CancellationToken cancellationToken = default)
    {
        var escapedId = RequestRules.EscapedId(id, nameof(id));
        Guard.NotNull(request, nameof(request));
        _dialect.Validate(request);
        RequestRules.Check(request, nameof(request));
        return _transport.SendAsync(_dialect.Update(escapedId, request), Operation.Update, _dialect.ReadClient, cancellationToken);
    }

    /// <inheritdoc/>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(_dialect.Delete(RequestRules.EscapedId(id, nameof(id))), Operation.Delete, cancellationToken);

    /// <inheritdoc/>
    public Task<ClientSecret> RotateSecretAsync(string id, CancellationToken cancellationToken = default)
    {
        var request = _dialect.RotateSecret(RequestRules.EscapedId(id, nameof(id)));
        return _transport.SendAsync(request, Operation.RotateSecret, _dialect.ReadSecret, cancellationToken);
    }

    /// <summary>
    /// A confidential client is created with its only secret: a response without one the SDK can read (under a name
    /// it does not know, say) is not a success, but an unreadable body whose message says the client was probably
    /// created.
    /// </summary>
    private static CreatedOAuthClient WithSecret(CreatedOAuthClient created, CreateOAuthClientRequest request) =>
        (request.IsConfidential || created.Client.IsConfidential) && created.Secret is null
            ? throw new JsonException("The confidential client's secret is not in the response.")
            : created;

    private static IOAuthDialect DialectFor(OAuthClientsOptions options, IOAuthClientsTokenProvider? tokenProvider)
    {
        Guard.NotNull(options, nameof(options));
        var problems = DialectRegistry.Validate(options, tokenProvider is not null);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The OAuthClientsOptions are invalid: " + string.Join(" ", problems), nameof(options));
        }

        return DialectRegistry.Create(options, tokenProvider);
    }

    private static Uri WithTrailingSlash(Uri baseAddress) =>
        baseAddress.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
}
