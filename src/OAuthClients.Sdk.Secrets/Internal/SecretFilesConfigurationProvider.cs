using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Configuration;

namespace OAuthClients.Sdk.Secrets.Internal;

/// <summary>
/// Reads the secret files into <c>{section}:{clientId}</c> keys and reloads on every change the file system reports.
/// The directory is created when missing, so that the watcher has something to watch before the first secret arrives.
/// </summary>
internal sealed class SecretFilesConfigurationProvider : ConfigurationProvider, IDisposable
{
    private readonly string _directory;
    private readonly string _sectionName;
    private readonly FileSystemWatcher _watcher;

    public SecretFilesConfigurationProvider(string directory, string sectionName)
    {
        _directory = directory;
        _sectionName = sectionName;
        Directory.CreateDirectory(directory);
        _watcher = new FileSystemWatcher(directory)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Created += OnChanged;
        _watcher.Changed += OnChanged;
        _watcher.Deleted += OnChanged;
        _watcher.Renamed += OnChanged;
        _watcher.EnableRaisingEvents = true;
    }

    public override void Load() => Data = Read();

    public void Dispose() => _watcher.Dispose();

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (SecretFileNames.ToClientId(e.Name ?? string.Empty) is null && e is not RenamedEventArgs)
        {
            return; // a temporary file of the store
        }

        var data = Read();
        Data = data;
        OnReload();
    }

    private Dictionary<string, string?> Read()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!Directory.Exists(_directory))
        {
            return data;
        }

        foreach (var path in Directory.EnumerateFiles(_directory))
        {
            if (SecretFileNames.ToClientId(Path.GetFileName(path)) is not { } clientId)
            {
                continue;
            }

            try
            {
                data[$"{_sectionName}:{clientId}"] = File.ReadAllText(path).TrimEnd('\r', '\n');
            }
            catch (IOException)
            {
                // Replaced or deleted while we read: the rename that follows raises another event.
            }
        }

        return data;
    }
}
