using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OAuthClients.Sdk.Cli.Connection;

/// <summary>The optional settings file: named profiles of connection settings (never a credential itself).</summary>
internal sealed class SettingsFile
{
    public string? DefaultProfile { get; set; }

    public Dictionary<string, Profile> Profiles { get; set; } = [];

    public static SettingsFile Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, SettingsJsonContext.Default.SettingsFile)
                ?? throw new UsageException($"The settings file '{path}' is empty.");
        }
        catch (JsonException ex)
        {
            // The reader's message names the member and position (a key typed into the file is refused as unknown).
            throw new UsageException($"The settings file '{path}' is not valid: {ex.Path} {FirstLine(ex.Message)}");
        }
        catch (IOException ex)
        {
            throw new UsageException($"The settings file '{path}' cannot be read: {ex.Message}");
        }
        catch (System.UnauthorizedAccessException ex)
        {
            throw new UsageException($"The settings file '{path}' cannot be read: {ex.Message}");
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf(" Path:", System.StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}

/// <summary>One named profile. Credentials are referenced by file, never stored here.</summary>
internal sealed class Profile
{
    public string? Dialect { get; set; }

    public string? LumoAuthApi { get; set; }

    public string? BaseAddress { get; set; }

    public string? Tenant { get; set; }

    public string? ApiKeyFile { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(SettingsFile))]
internal sealed partial class SettingsJsonContext : JsonSerializerContext;
