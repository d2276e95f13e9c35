using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OAuthClients.Sdk.HealthChecks;

#pragma warning disable IDE0130 // The DI surface lives in the package's root namespace, so one using reaches it.
namespace OAuthClients.Sdk;

/// <summary>Adds the OAuthClients.Sdk health check to an <see cref="IHealthChecksBuilder"/>.</summary>
public static class OAuthClientsHealthChecksBuilderExtensions
{
    /// <summary>The default name of the check.</summary>
    public const string DefaultName = "oauthclients";

    /// <summary>
    /// Adds a check of the client registered with <c>AddOAuthClientsSdk</c> under <paramref name="clientName"/>: it calls
    /// <see cref="IOAuthClientsClient.WhoAmIAsync"/> and reports healthy when the credential works and can read clients,
    /// degraded when it works but lacks the permission to read clients, and <paramref name="failureStatus"/> with the
    /// reason when the provider refuses the credential or cannot be reached.
    /// </summary>
    /// <param name="builder">The builder that <c>services.AddHealthChecks()</c> returned.</param>
    /// <param name="clientName">The registration's name; <see cref="string.Empty"/> (the default) is the unnamed client.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status of a refused credential or an unreachable provider; <see langword="null"/> for <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by, such as <c>ready</c>.</param>
    /// <param name="timeout">How long the check may take; <see langword="null"/> for no limit beyond the client's own timeouts.</param>
    /// <returns><paramref name="builder"/>, to chain more calls.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="clientName"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    public static IHealthChecksBuilder AddOAuthClients(
        this IHealthChecksBuilder builder,
        string clientName = "",
        string name = DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (clientName is null)
        {
            throw new ArgumentNullException(nameof(clientName));
        }

        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        return builder.Add(new HealthCheckRegistration(
            name,
            services => new OAuthClientsHealthCheck(services.GetRequiredService<IOAuthClientsClientFactory>(), clientName),
            failureStatus,
            tags,
            timeout));
    }
}
