using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OAuthClients.Sdk.Dialects;
using OAuthClients.Sdk.Internal;

namespace OAuthClients.Sdk.DependencyInjection;

/// <summary>
/// Creates typed clients over <see cref="IHttpClientFactory"/>. The dialect of a name (and with it the credential
/// state: a Cerberus CSRF token, a cached admin token, the token provider) is made once and shared by every client of
/// that name.
/// </summary>
internal sealed class OAuthClientsClientFactory(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<OAuthClientsOptions> optionsMonitor,
    IEnumerable<OAuthClientsRegistration> registrations,
    IEnumerable<OAuthClientsTokenProviderRegistration> tokenProviders,
    IServiceProvider services,
    TimeProvider time,
    ILoggerFactory loggerFactory) : IOAuthClientsClientFactory, IDisposable, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("OAuthClients.Sdk");
    private readonly HashSet<string> _names = new(registrations.Select(r => r.Name), StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<(IOAuthDialect Dialect, OAuthClientsOptions Options)>> _dialects = new(StringComparer.Ordinal);

    public IOAuthClientsClient CreateClient(string name)
    {
        Guard.NotNull(name, nameof(name));
        if (!_names.Contains(name))
        {
            throw new InvalidOperationException($"No OAuthClients.Sdk client is registered under the name '{name}': call services.AddOAuthClientsSdk(\"{name}\", ...) first.");
        }

        var (dialect, options) = _dialects.GetOrAdd(name, key => new(() =>
        {
            var options = optionsMonitor.Get(key);
            var tokenProvider = tokenProviders.LastOrDefault(provider => provider.Name == key)?.Create(services);
            return (DialectRegistry.Create(options, tokenProvider), options);
        })).Value;
        return new OAuthClientsClient(dialect, options, httpClientFactory.CreateClient(OAuthClientsRegistration.HttpClientName(name)), ownsDialect: false, time, _logger);
    }

    /// <summary>Logs out the sessions the registrations logged in (the container disposes the factory as the host stops).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var name in _dialects.Keys.ToArray())
        {
            if (_dialects.TryRemove(name, out var created) && created.IsValueCreated)
            {
                var (dialect, options) = created.Value;
                await new OAuthClientsClient(dialect, options, httpClientFactory.CreateClient(OAuthClientsRegistration.HttpClientName(name)), ownsDialect: true, time, _logger)
                    .DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
