using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OAuthClients.Sdk.Rotation.Internal;
using OAuthClients.Sdk.Rotation.Ledger;
using OAuthClients.Sdk.Rotation.Verification;
using OAuthClients.Sdk.Secrets;

#pragma warning disable IDE0130 // The DI surface lives in the package's root namespace, so one using reaches it.
namespace OAuthClients.Sdk.Rotation;

/// <summary>Registers the secret rotation service.</summary>
public static class SecretRotationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SecretRotationService"/> as a hosted service, with options bound from
    /// <paramref name="configuration"/> (for example <c>configuration.GetSection("SecretRotation")</c>; an unknown key
    /// fails at start-up). Register the clients with <c>AddOAuthClientsSdk</c> and at least one
    /// <see cref="ISecretStore"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section that holds the options.</param>
    /// <param name="configure">Further settings, such as <see cref="SecretRotationOptions.Filter"/>; may be <see langword="null"/>.</param>
    /// <returns>The value of <paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecretRotation(this IServiceCollection services, IConfiguration configuration, Action<SecretRotationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSecretRotation(options =>
        {
            configuration.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
            configure?.Invoke(options);
        });
    }

    /// <summary>
    /// Registers <see cref="SecretRotationService"/> as a hosted service. The ledger, lock, verifier and
    /// <see cref="TimeProvider"/> are added only when none is registered, so each can be replaced; registering twice is
    /// harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The value of <paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecretRotation(this IServiceCollection services, Action<SecretRotationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SecretRotationOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecretRotationOptions>, SecretRotationOptionsValidator>());
        services.AddMetrics();
        // The token request carries the new secret in its Authorization header: IHttpClientFactory's default logging
        // would put the header in its structured state, so it is removed (the SDK's own client does the same).
        services.AddHttpClient(TokenEndpointVerifier.HttpClientName).RemoveAllLoggers().RedactLoggedHeaders(["Authorization"]);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RotationStatus>();
        services.TryAddSingleton<RotationTelemetry>();
        services.TryAddSingleton<ISecretRotationLedger>(sp => LedgerFactory.CreateLedger(sp.GetRequiredService<IOptions<SecretRotationOptions>>().Value));
        services.TryAddSingleton(sp => LedgerFactory.CreateLock(sp.GetRequiredService<IOptions<SecretRotationOptions>>().Value));
        services.TryAddSingleton<ISecretVerifier, TokenEndpointVerifier>();
        services.TryAddSingleton(sp => new SecretRotationService(
            sp.GetRequiredService<IOAuthClientsClientFactory>(),
            sp.GetRequiredService<ISecretRotationLedger>(),
            sp.GetRequiredService<ISecretRotationLock>(),
            sp.GetServices<ISecretStore>(),
            sp.GetRequiredService<ISecretVerifier>(),
            sp.GetRequiredService<IOptions<SecretRotationOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<SecretRotationService>>(),
            sp.GetRequiredService<RotationStatus>(),
            sp.GetRequiredService<RotationTelemetry>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SecretRotationService>(sp => sp.GetRequiredService<SecretRotationService>()));
        return services;
    }

    /// <summary>
    /// Adds a <see cref="FileSecretStore"/> writing to <paramref name="directory"/> (for development and single
    /// machines; read it back with <see cref="SecretFilesConfigurationExtensions.AddSecretFiles"/>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="directory">The directory of the secret files.</param>
    /// <returns>The value of <paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is empty or white space.</exception>
    public static IServiceCollection AddFileSecretStore(this IServiceCollection services, string directory)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSingleton<ISecretStore>(new FileSecretStore(directory));
    }
}
