using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OAuthClients.Sdk.Rotation.Internal;

#pragma warning disable IDE0130 // The DI surface lives in the package's root namespace, so one using reaches it.
namespace OAuthClients.Sdk.Rotation;

/// <summary>Adds the secret rotation health check.</summary>
public static class SecretRotationHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check that is unhealthy while a new secret waits for a secret store, after a failed pass, and while the
    /// provider refuses a new secret. Its data holds counts and times only.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name; the default is <c>secret-rotation</c>.</param>
    /// <param name="tags">Tags for filtering checks.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IHealthChecksBuilder AddSecretRotation(this IHealthChecksBuilder builder, string name = "secret-rotation", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<RotationStatus>();
        return builder.AddCheck<SecretRotationHealthCheck>(name, HealthStatus.Unhealthy, tags ?? []);
    }
}
