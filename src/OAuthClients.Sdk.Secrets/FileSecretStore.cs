using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Secrets.Internal;

namespace OAuthClients.Sdk.Secrets;

/// <summary>
/// A secret store for development and single machines: one file per client in a directory, named after the client id
/// and holding the secret alone (the layout of a Kubernetes secret volume, read by
/// <see cref="SecretFilesConfigurationExtensions.AddSecretFiles"/>).
/// </summary>
/// <remarks>
/// On Linux and macOS the directory is created owner-only (<c>0700</c>) and every file is written owner-only
/// (<c>0600</c>); on Windows the directory's access control list applies. A secret is written to a temporary file,
/// flushed to disk and renamed over the old one, so a reader sees the old secret or the new one, never a torn file.
/// The secrets are in clear on disk: for production, use a vault.
/// </remarks>
public sealed class FileSecretStore : ISecretStore
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Initializes a new instance of the <see cref="FileSecretStore"/> class.</summary>
    /// <param name="directory">The directory of the secret files; created when missing.</param>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is <see langword="null"/>, empty or white space.</exception>
    public FileSecretStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>Gets the full path of the directory that holds the secret files.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public string Name => "file";

    /// <summary>Gets the path of the file that holds a client's secret.</summary>
    /// <param name="clientId">The client id.</param>
    /// <returns>The file's full path.</returns>
    /// <exception cref="ArgumentException"><paramref name="clientId"/> is empty or longer than 200 characters.</exception>
    public string PathFor(string clientId)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        return Path.Combine(Directory, SecretFileNames.ToFileName(clientId));
    }

    /// <inheritdoc />
    /// <exception cref="IOException">The file could not be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The process may not write to <see cref="Directory"/>.</exception>
    public async Task SetSecretAsync(OAuthClient client, ClientSecret secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(secret);
        var target = PathFor(client.ClientId);
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, OwnerOnlyDirectory);
        }

        var temporary = Path.Combine(Directory, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnlyFile;
            }

            await using (var stream = new FileStream(temporary, options))
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(secret.Reveal()), cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
