using System;
using System.CommandLine;
using System.IO;
using System.Text;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Cli.Output;

/// <summary>
/// Where a one-time secret goes: printed (--reveal-secret), saved (--secret-out FILE), or both. It is decided, and the
/// file prepared, BEFORE the request is sent: a secret nobody asked to see or save is never issued, and a file that
/// cannot be written is found out while nothing has happened yet.
/// </summary>
internal sealed class SecretDestination : IDisposable
{
    private readonly string? _path;
    private readonly bool _overwrite;
    private FileStream? _pending;
    private string? _pendingPath;

    private SecretDestination(bool reveal, string? path, bool overwrite)
    {
        Reveal = reveal;
        _path = path;
        _overwrite = overwrite;
    }

    public static Option<bool> RevealOption { get; } = new("--reveal-secret") { Description = "Print the secret (it is never printed otherwise)." };

    public static Option<FileInfo?> SecretOutOption { get; } = new("--secret-out") { Description = "Save the secret to FILE (owner-only, written atomically)." };

    public static Option<bool> ForceOption { get; } = new("--force") { Description = "Let --secret-out replace an existing file." };

    public bool Reveal { get; }

    /// <summary>Checks the secret options and prepares the file; throws <see cref="UsageException"/> before anything is sent.</summary>
    /// <param name="parse">The command line.</param>
    /// <param name="what">What issues the secret, for the message ("creating a confidential client").</param>
    public static SecretDestination Prepare(ParseResult parse, string what)
    {
        var reveal = parse.GetValue(RevealOption);
        var file = parse.GetValue(SecretOutOption);
        var force = parse.GetValue(ForceOption);
        if (!reveal && file is null)
        {
            throw new UsageException($"Refused before sending: {what} issues a secret that is shown only once. Pass --secret-out FILE to save it, or --reveal-secret to print it.");
        }

        if (force && file is null)
        {
            throw new UsageException("--force applies only to --secret-out.");
        }

        var destination = new SecretDestination(reveal, file?.FullName, force);
        destination.OpenPending();
        return destination;
    }

    /// <summary>Saves the secret (when a file was asked for); returns the file's path, or <see langword="null"/>.</summary>
    public string? Save(ClientSecret secret)
    {
        if (_pending is null || _path is null)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(secret.Reveal() + "\n");
        _pending.Write(bytes, 0, bytes.Length);
        _pending.Flush(flushToDisk: true);
        _pending.Dispose();
        _pending = null;
        try
        {
            File.Move(_pendingPath!, _path, _overwrite);
        }
        catch (IOException ex)
        {
            // The secret is in the owner-only temporary file: say where, so that it is not lost.
            var kept = _pendingPath;
            _pendingPath = null;
            throw new UsageException($"The secret could not be moved to '{_path}' ({ex.Message}); it is kept in '{kept}' (owner-only).");
        }

        _pendingPath = null;
        return _path;
    }

    /// <summary>Removes the prepared file when no secret was written (the request failed).</summary>
    public void Dispose()
    {
        _pending?.Dispose();
        _pending = null;
        if (_pendingPath is not null)
        {
            File.Delete(_pendingPath);
            _pendingPath = null;
        }
    }

    private void OpenPending()
    {
        if (_path is null)
        {
            return;
        }

        var directory = Path.GetDirectoryName(_path)!;
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"--secret-out: the directory '{directory}' does not exist.");
        }

        if (Directory.Exists(_path) || (File.Exists(_path) && !_overwrite))
        {
            throw new UsageException($"--secret-out: '{_path}' already exists; pass --force to replace it.");
        }

        _pendingPath = Path.Combine(directory, "." + Path.GetFileName(_path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            _pending = new FileStream(_pendingPath, options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _pendingPath = null;
            throw new UsageException($"--secret-out: cannot write in '{directory}': {ex.Message}");
        }
    }
}
