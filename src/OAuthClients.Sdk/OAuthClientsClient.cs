using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OAuthClients.Sdk.Dialects;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Http;
using OAuthClients.Sdk.Internal;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk;

/// <summary>
/// The typed client of the SDK: one instance manages the OAuth clients of one provider deployment (and tenant), as
/// configured by <see cref="OAuthClientsOptions"/>. Thread-safe and meant to be long-lived; register it with
/// <c>AddOAuthClientsSdk</c> or keep one instance.
/// </summary>
/// <remarks>
/// Dispose a client you created: it logs out the Cerberus session it logged in (login mode) and, when it created its
/// own <see cref="HttpClient"/>, closes that client's connections. It never disposes what it does not own: an
/// <see cref="HttpClient"/> you passed in stays usable, and a client resolved from the container leaves the
/// registration's shared session alone (the container logs it out when it is disposed, as the host stops).
/// </remarks>
public class OAuthClientsClient : IOAuthClientsClient, IDisposable, IAsyncDisposable
{
    /// <summary>How many listed clients are resolved to full clients at a time (LumoAuth's largest page).</summary>
    private const int FullClientsBatch = 100;

    private readonly IOAuthDialect _dialect;
    private readonly ApiTransport _transport;

    // The dialect's readers as delegates made once (a method group makes a new delegate on every call).
    private readonly BodyReader<OAuthClient> _readClient;
    private readonly BodyReader<IReadOnlyList<string>> _readScopes;
    private readonly BodyReader<ClientSecret> _readSecret;
    private readonly BodyReader<OAuthClientsIdentity> _readIdentity;
    private readonly bool _ownsDialect;
    private readonly HttpClient? _ownedHttpClient;
    private int _disposed;

    /// <summary>
    /// Initializes a new instance of the <see cref="OAuthClientsClient"/> class with an <see cref="HttpClient"/> of its
    /// own, which follows no redirects and keeps no cookies.
    /// </summary>
    /// <param name="options">The settings; copied, so later changes to them have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid; the message names each wrong setting.</exception>
    public OAuthClientsClient(OAuthClientsOptions options)
        : this(DialectFor(options, tokenProvider: null), options, httpClient: null, ownsDialect: true)
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
        : this(DialectFor(options, tokenProvider: null), options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)), ownsDialect: true)
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
            httpClient ?? throw new ArgumentNullException(nameof(httpClient)),
            ownsDialect: true)
    {
    }

    /// <summary>
    /// Initializes a new instance over <paramref name="dialect"/> (and so its credential state), which it logs out on
    /// dispose only when <paramref name="ownsDialect"/>; it owns the <see cref="HttpClient"/> only when it creates it.
    /// </summary>
    internal OAuthClientsClient(IOAuthDialect dialect, OAuthClientsOptions options, HttpClient? httpClient, bool ownsDialect, TimeProvider? time = null, ILogger? logger = null)
    {
        _dialect = dialect;
        _readClient = dialect.ReadClient;
        _readScopes = dialect.ReadScopes;
        _readSecret = dialect.ReadSecret;
        _readIdentity = dialect.ReadIdentity;
        _ownsDialect = ownsDialect;
        _ownedHttpClient = httpClient is null ? new HttpClient(PrimaryHandler.Create()) { Timeout = Timeout.InfiniteTimeSpan } : null;
        _transport = new ApiTransport(
            httpClient ?? _ownedHttpClient!,
            WithTrailingSlash(options.BaseAddress!),
            dialect,
            options.Timeout,
            options.MaxResponseSize,
            new RetryPolicy(options.MaxRetries, options.MaxRetryDelay),
            time ?? TimeProvider.System,
            logger ?? NullLogger.Instance);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<OAuthClient> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(OAuthClientListOptions.Default, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<OAuthClient> ListAsync(OAuthClientListOptions options, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(options, nameof(options));
        RequestRules.Check(options, nameof(options));
        _dialect.Validate(options);
        var listed = ListCoreAsync(options, cancellationToken);
        return options.FullClients ? FullClientsAsync(listed, options.MaxConcurrency, cancellationToken) : listed;
    }

    /// <inheritdoc/>
    public Task EnableAsync(string id, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(_dialect.Enable(RequestRules.EscapedId(id, nameof(id))), Operation.Enable, cancellationToken);

    /// <inheritdoc/>
    public Task DisableAsync(string id, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(_dialect.Disable(RequestRules.EscapedId(id, nameof(id))), Operation.Disable, cancellationToken);

    /// <inheritdoc/>
    public Task RevokeTokensAsync(string id, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(_dialect.RevokeTokens(RequestRules.EscapedId(id, nameof(id))), Operation.RevokeTokens, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> GetScopesAsync(string id, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(_dialect.GetScopes(RequestRules.EscapedId(id, nameof(id))), Operation.GetScopes, _readScopes, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> ReplaceScopesAsync(string id, IReadOnlyList<string> scopes, CancellationToken cancellationToken = default)
    {
        var escapedId = RequestRules.EscapedId(id, nameof(id));
        Guard.NotNull(scopes, nameof(scopes));
        RequestRules.Scopes(scopes, nameof(scopes));
        return _transport.SendAsync(_dialect.ReplaceScopes(escapedId, scopes), Operation.ReplaceScopes, _readScopes, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<OAuthClient> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var request = _dialect.Get(RequestRules.EscapedId(id, nameof(id)));
        return _transport.SendAsync(request, Operation.Get, _readClient, cancellationToken);
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
        return _transport.SendAsync(_dialect.Update(escapedId, request), Operation.Update, _readClient, cancellationToken);
    }

    /// <inheritdoc/>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(_dialect.Delete(RequestRules.EscapedId(id, nameof(id))), Operation.Delete, cancellationToken);

    /// <inheritdoc/>
    public Task<ClientSecret> RotateSecretAsync(string id, CancellationToken cancellationToken = default)
    {
        var request = _dialect.RotateSecret(RequestRules.EscapedId(id, nameof(id)));
        return _transport.SendAsync(request, Operation.RotateSecret, _readSecret, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<OAuthClientsIdentity> WhoAmIAsync(CancellationToken cancellationToken = default) =>
        _transport.SendAsync(_dialect.WhoAmI(), Operation.WhoAmI, _readIdentity, cancellationToken);

    /// <summary>
    /// Logs out the Cerberus session this client logged in (login mode; the logout's failure is logged, not thrown,
    /// since the session then ends on its own) and disposes the <see cref="HttpClient"/> the client created itself.
    /// Calling it again does nothing. Calls made after it fail.
    /// </summary>
    /// <returns>A task that completes when the session is logged out and the connections are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (_ownsDialect)
            {
                await _dialect.Authenticator.LogOutAsync(_transport, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            _ownedHttpClient?.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Does what <see cref="DisposeAsync"/> does, waiting for the logout.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async IAsyncEnumerable<OAuthClient> ListCoreAsync(OAuthClientListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = _dialect.FirstPage(options);
        var guard = new EnumerationGuard(options.RequireComplete, page?.Size);
        do
        {
            using var list = await _transport.OpenListAsync(_dialect.List(page, options), _dialect.ListShape, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// The listed clients with every summary replaced by its full client, read from the stream in batches of at most
    /// <see cref="FullClientsBatch"/> (so memory stays bounded whatever the list's size) and yielded in the list's order.
    /// </summary>
    private async IAsyncEnumerable<OAuthClient> FullClientsAsync(IAsyncEnumerable<OAuthClient> listed, int maxConcurrency, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<OAuthClient>(FullClientsBatch);
        await foreach (var client in listed.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(client);
            if (batch.Count == FullClientsBatch)
            {
                foreach (var full in await FullClientsAsync(batch, maxConcurrency, cancellationToken).ConfigureAwait(false))
                {
                    yield return full;
                }

                batch.Clear();
            }
        }

        foreach (var full in await FullClientsAsync(batch, maxConcurrency, cancellationToken).ConfigureAwait(false))
        {
            yield return full;
        }
    }

    /// <summary>
    /// The batch with each summary replaced by its full client, fetched <paramref name="maxConcurrency"/> at a time, in
    /// the batch's order. A client deleted since the list (404) is left out; any other failure cancels the rest and is thrown.
    /// </summary>
    private async Task<IReadOnlyList<OAuthClient>> FullClientsAsync(IReadOnlyList<OAuthClient> page, int maxConcurrency, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fetches = page.Select(async client =>
        {
            if (!client.IsSummary)
            {
                return client;
            }

            await slots.WaitAsync(failed.Token).ConfigureAwait(false);
            try
            {
                return await GetAsync(client.Id, failed.Token).ConfigureAwait(false);
            }
            catch (OAuthClientNotFoundException)
            {
                return null;
            }
            catch
            {
                failed.Cancel();
                throw;
            }
            finally
            {
                slots.Release();
            }
        }).ToArray();

        // WhenAll faults with the failure itself when one fetch fails and the others are cancelled because of it.
        var full = await Task.WhenAll(fetches).ConfigureAwait(false);
        return full.Where(client => client is not null).Select(client => client!).ToArray();
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
