using System;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OAuthClients.Sdk.DependencyInjection;
using OAuthClients.Sdk.Http;
using OAuthClients.Sdk.Internal;

#pragma warning disable IDE0130 // The DI surface lives in the package's root namespace, so one using reaches it.
namespace OAuthClients.Sdk;

/// <summary>Registers OAuthClients.Sdk clients in an <see cref="IServiceCollection"/>.</summary>
public static class OAuthClientsServiceCollectionExtensions
{
    private static readonly string[] SensitiveHeaders = ["Authorization", "Cookie", "Set-Cookie", "X-CSRF-Token", "X-API-Key"];

    /// <summary>
    /// Registers the unnamed client: <see cref="IOAuthClientsClient"/> and <see cref="OAuthClientsClient"/> resolve
    /// to it. The options are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the underlying <see cref="System.Net.Http.HttpClient"/>, to add handlers to.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddOAuthClientsSdk(this IServiceCollection services, Action<OAuthClientsOptions> configure) =>
        AddOAuthClientsSdk(services, Options.DefaultName, configure);

    /// <summary>
    /// Registers the unnamed client with options bound from <paramref name="configuration"/> (for example the
    /// <c>OAuthClients</c> section of appsettings.json), as <see cref="AddOAuthClientsSdk(IServiceCollection, string, IConfiguration)"/> does.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section that holds the options.</param>
    /// <returns>The builder of the underlying <see cref="System.Net.Http.HttpClient"/>, to add handlers to.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddOAuthClientsSdk(this IServiceCollection services, IConfiguration configuration) =>
        AddOAuthClientsSdk(services, Options.DefaultName, configuration);

    /// <summary>
    /// Registers a client under <paramref name="name"/> with options bound from <paramref name="configuration"/> (for
    /// example the <c>OAuthClients:Providers:Cerberus</c> section of appsettings.json). The binding is strict: a key that
    /// is not a setting fails at start-up with an <see cref="OptionsValidationException"/> that gives its path and the
    /// nearest setting ("OAuthClients:Tennant is not a setting; did you mean Tenant?"). An empty value counts as unset,
    /// so a placeholder such as <c>"ApiKey": ""</c> is not a credential.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration's name; <see cref="string.Empty"/> is the unnamed client.</param>
    /// <param name="configuration">The configuration section that holds the options.</param>
    /// <returns>The builder of the underlying <see cref="System.Net.Http.HttpClient"/>, to add handlers to.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddOAuthClientsSdk(this IServiceCollection services, string name, IConfiguration configuration)
    {
        Guard.NotNull(configuration, nameof(configuration));
        Guard.NotNull(name, nameof(name));
        return AddOAuthClientsSdk(services, name, options => OptionsBinding.Bind(configuration, name, options));
    }

    /// <summary>
    /// Registers a client under <paramref name="name"/>, created by <see cref="IOAuthClientsClientFactory.CreateClient"/>.
    /// Several names can be registered side by side (say, a LumoAuth tenant and a Cerberus deployment). Registering a
    /// name again adds <paramref name="configure"/> to its configuration and is otherwise harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration's name; <see cref="string.Empty"/> is the unnamed client.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the underlying <see cref="System.Net.Http.HttpClient"/>, to add handlers to.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddOAuthClientsSdk(this IServiceCollection services, string name, Action<OAuthClientsOptions> configure)
    {
        Guard.NotNull(services, nameof(services));
        Guard.NotNull(name, nameof(name));
        Guard.NotNull(configure, nameof(configure));

        services.AddOptions<OAuthClientsOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OAuthClientsOptions>, OAuthClientsOptionsValidator>());
        services.TryAddSingleton<IOAuthClientsClientFactory, OAuthClientsClientFactory>();
        services.TryAddSingleton(TimeProvider.System);
        if (!services.Any(d => d.ImplementationInstance is OAuthClientsRegistration registration && registration.Name == name))
        {
            services.AddSingleton(new OAuthClientsRegistration(name));
        }

        if (name.Length == 0)
        {
            services.TryAddTransient(sp => (OAuthClientsClient)sp.GetRequiredService<IOAuthClientsClientFactory>().CreateClient(name));
            services.TryAddTransient<IOAuthClientsClient>(sp => sp.GetRequiredService<OAuthClientsClient>());
        }

        return services
            .AddHttpClient(OAuthClientsRegistration.HttpClientName(name))
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler.Create)

            // The SDK applies its own per-attempt timeout (OAuthClientsOptions.Timeout).
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)

            // IHttpClientFactory's default logging masks header values in its message text, but its structured state
            // carries them raw (a structured sink would store the API key or session cookie). The SDK logs every
            // attempt itself, without headers, so the default loggers are removed; the redaction stays for any a
            // caller adds back.
            .RemoveAllLoggers()
            .RedactLoggedHeaders(SensitiveHeaders);
    }
}
