using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Rotation.Internal;

/// <summary>
/// The embedded default lock: an exclusive operating-system lock (<see cref="FileShare.None"/>, <c>flock</c> on Unix) on
/// one file per client in a directory beside the SQLite ledger. The OS releases it when the process dies, and it cannot
/// be lost while the process lives. This is the mechanism of DistributedLock.FileSystem, which is not available on this
/// project's package feed.
/// </summary>
internal sealed class FileRotationLock(string directory) : ISecretRotationLock
{
    public ValueTask<ISecretRotationLockHandle?> TryAcquireAsync(string clientId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(directory);

        // A hash names the file: any id, of any length or alphabet, maps to a safe file name.
        var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(clientId)));
        try
        {
            var stream = new FileStream(Path.Combine(directory, name + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new ValueTask<ISecretRotationLockHandle?>(new Handle(stream));
        }
        catch (IOException)
        {
            return new ValueTask<ISecretRotationLockHandle?>((ISecretRotationLockHandle?)null);
        }
    }

    private sealed class Handle(FileStream stream) : ISecretRotationLockHandle
    {
        public bool IsLost => false;

        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }
}
