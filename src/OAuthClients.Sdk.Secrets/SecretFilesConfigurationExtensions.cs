using System;
using Microsoft.Extensions.Configuration;
using OAuthClients.Sdk.Secrets.Internal;

namespace OAuthClients.Sdk.Secrets;

/// <summary>Adds the secrets of a <see cref="FileSecretStore"/> directory to an app's configuration.</summary>
public static class SecretFilesConfigurationExtensions
{
    /// <summary>
    /// Adds every secret file of <paramref name="directory"/> as <c>{sectionName}:{clientId}</c>, and reloads when a
    /// file is written, renamed or deleted, so <c>IOptionsMonitor</c> and <c>IConfiguration</c> readers see a rotated
    /// secret without a restart. A missing directory is created (empty) when the configuration is built.
    /// </summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="directory">The directory a <see cref="FileSecretStore"/> writes to.</param>
    /// <param name="sectionName">The section the secrets appear under; the default is <c>ClientSecrets</c>.</param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="directory"/> or <paramref name="sectionName"/> is empty or white space.</exception>
    public static IConfigurationBuilder AddSecretFiles(this IConfigurationBuilder builder, string directory, string sectionName = "ClientSecrets")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);
        return builder.Add(new SecretFilesConfigurationSource(System.IO.Path.GetFullPath(directory), sectionName));
    }
}
