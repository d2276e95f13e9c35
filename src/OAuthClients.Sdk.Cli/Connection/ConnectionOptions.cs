using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace OAuthClients.Sdk.Cli.Connection;

/// <summary>
/// The connection options every command takes, and how they resolve: the command line first, then the environment,
/// then the profile of the settings file. The API key comes from the environment, a file or standard input; on the
/// command line it is accepted with a warning (argv is visible to every process on the machine).
/// </summary>
internal sealed class ConnectionOptions
{
    public const string EnvironmentPrefix = "OAUTHCLIENTS_";

    public Option<string?> Profile { get; } = new("--profile") { Description = "The profile of the settings file to use [env: OAUTHCLIENTS_PROFILE].", Recursive = true };

    public Option<FileInfo?> Settings { get; } = new("--settings") { Description = "The settings file [env: OAUTHCLIENTS_SETTINGS; default: ~/.config/oauthclients/settings.json if it exists].", Recursive = true };

    public Option<string?> Dialect { get; } = new Option<string?>("--dialect") { Description = "The provider: LumoAuth or Cerberus [env: OAUTHCLIENTS_DIALECT].", Recursive = true }.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, Enum.GetNames<OAuthDialect>());

    public Option<string?> LumoAuthApi { get; } = new Option<string?>("--lumoauth-api") { Description = "LumoAuth's admin API: OAuthClients (default) or Clients [env: OAUTHCLIENTS_LUMOAUTH_API].", Recursive = true }.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, Enum.GetNames<Sdk.LumoAuthApi>());

    public Option<string?> BaseAddress { get; } = new("--base-address") { Description = "The provider's base address [env: OAUTHCLIENTS_BASE_ADDRESS].", Recursive = true };

    public Option<string?> Tenant { get; } = new("--tenant") { Description = "The tenant (LumoAuth) or organisation (Cerberus) [env: OAUTHCLIENTS_TENANT].", Recursive = true };

    public Option<FileInfo?> ApiKeyFile { get; } = new("--api-key-file") { Description = "A file that holds the API key [env: OAUTHCLIENTS_API_KEY_FILE]. The key itself may be in OAUTHCLIENTS_API_KEY.", Recursive = true };

    public Option<bool> ApiKeyStdin { get; } = new("--api-key-stdin") { Description = "Read the API key from the first line of standard input.", Recursive = true };

    public Option<string?> ApiKey { get; } = new("--api-key") { Description = "The API key itself: visible to every process on the machine, accepted with a warning. Prefer OAUTHCLIENTS_API_KEY or --api-key-file.", Recursive = true };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Log the SDK's requests to standard error (credentials and secrets are never logged).", Recursive = true };

    public IEnumerable<Option> All => [Profile, Settings, Dialect, LumoAuthApi, BaseAddress, Tenant, ApiKeyFile, ApiKeyStdin, ApiKey, Verbose];

    /// <summary>Resolves the SDK options, or throws <see cref="UsageException"/> naming the setting that is missing or wrong.</summary>
    public OAuthClientsOptions Resolve(ParseResult parse, Terminal terminal)
    {
        var profile = LoadProfile(parse, terminal);

        string? Setting(Option<string?> option, string variable, string? fromProfile) =>
            NonEmpty(parse.GetValue(option)) ?? NonEmpty(terminal.Environment(EnvironmentPrefix + variable)) ?? NonEmpty(fromProfile);

        var dialect = Setting(Dialect, "DIALECT", profile?.Dialect)
            ?? throw new UsageException("No dialect: pass --dialect LumoAuth|Cerberus, set OAUTHCLIENTS_DIALECT, or use a profile.");
        var baseAddress = Setting(BaseAddress, "BASE_ADDRESS", profile?.BaseAddress)
            ?? throw new UsageException("No base address: pass --base-address, set OAUTHCLIENTS_BASE_ADDRESS, or use a profile.");
        if (!Uri.TryCreate(baseAddress, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            throw new UsageException($"The base address '{baseAddress}' is not an absolute http(s) address.");
        }

        var lumoAuthApi = Setting(LumoAuthApi, "LUMOAUTH_API", profile?.LumoAuthApi);
        return new OAuthClientsOptions
        {
            Dialect = ParseEnum<OAuthDialect>(dialect, "dialect"),
            LumoAuthApi = lumoAuthApi is null ? default : ParseEnum<Sdk.LumoAuthApi>(lumoAuthApi, "LumoAuth API"),
            BaseAddress = address,
            Tenant = Setting(Tenant, "TENANT", profile?.Tenant),
            ApiKey = ReadApiKey(parse, terminal, profile),
        };
    }

    private Profile? LoadProfile(ParseResult parse, Terminal terminal)
    {
        var explicitPath = parse.GetValue(Settings)?.FullName ?? NonEmpty(terminal.Environment(EnvironmentPrefix + "SETTINGS"));
        var path = explicitPath ?? DefaultSettingsPath(terminal);
        var name = NonEmpty(parse.GetValue(Profile)) ?? NonEmpty(terminal.Environment(EnvironmentPrefix + "PROFILE"));
        if (!File.Exists(path))
        {
            return explicitPath is not null ? throw new UsageException($"The settings file '{path}' does not exist.")
                : name is not null ? throw new UsageException($"The profile '{name}' was asked for, but there is no settings file ({path}).")
                : null;
        }

        var file = SettingsFile.Load(path);
        name ??= file.DefaultProfile;
        if (name is null)
        {
            return null;
        }

        return file.Profiles.TryGetValue(name, out var profile) ? profile
            : throw new UsageException($"The settings file '{path}' has no profile '{name}' (it has: {string.Join(", ", file.Profiles.Keys.Order(StringComparer.Ordinal))}).");
    }

    private static string DefaultSettingsPath(Terminal terminal)
    {
        var configHome = NonEmpty(terminal.Environment("XDG_CONFIG_HOME"))
            ?? Path.Combine(Home(terminal), ".config");
        return Path.Combine(configHome, "oauthclients", "settings.json");
    }

    private static string Home(Terminal terminal) =>
        NonEmpty(terminal.Environment("HOME")) ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    private string ReadApiKey(ParseResult parse, Terminal terminal, Profile? profile)
    {
        var sources = new List<(string Name, Func<string?> Read)>();
        if (NonEmpty(parse.GetValue(ApiKey)) is { } onCommandLine)
        {
            terminal.Warn("--api-key puts the key in the command line, where every process on this machine can read it; use OAUTHCLIENTS_API_KEY, --api-key-file or --api-key-stdin.");
            sources.Add(("--api-key", () => onCommandLine));
        }

        if (parse.GetValue(ApiKeyStdin))
        {
            sources.Add(("--api-key-stdin", () => terminal.In.ReadLine()));
        }

        if (parse.GetValue(ApiKeyFile) is { } file)
        {
            sources.Add(("--api-key-file", () => ReadKeyFile(file.FullName)));
        }

        if (sources.Count == 0)
        {
            if (NonEmpty(terminal.Environment(EnvironmentPrefix + "API_KEY")) is { } fromEnvironment)
            {
                return fromEnvironment;
            }

            if (NonEmpty(terminal.Environment(EnvironmentPrefix + "API_KEY_FILE")) is { } path)
            {
                return ReadKeyFile(path);
            }

            if (NonEmpty(profile?.ApiKeyFile) is { } profilePath)
            {
                // No shell expands the settings file: "~/" is the home directory, as it would be in a terminal.
                return ReadKeyFile(profilePath.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(Home(terminal), profilePath[2..]) : profilePath);
            }
        }

        return sources.Count switch
        {
            0 => throw new UsageException("No API key: set OAUTHCLIENTS_API_KEY, pass --api-key-file FILE or --api-key-stdin, or name an apiKeyFile in the profile."),
            1 => NonEmpty(sources[0].Read()?.Trim()) ?? throw new UsageException($"The API key from {sources[0].Name} is empty."),
            _ => throw new UsageException($"More than one API key was given ({string.Join(", ", sources.Select(s => s.Name))}): pass exactly one."),
        };
    }

    private static string ReadKeyFile(string path)
    {
        try
        {
            return NonEmpty(File.ReadAllText(path).Trim()) ?? throw new UsageException($"The API key file '{path}' is empty.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"The API key file '{path}' cannot be read: {ex.Message}");
        }
    }

    private static T ParseEnum<T>(string value, string what)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : throw new UsageException($"Unknown {what} '{value}': use one of {string.Join(", ", Enum.GetNames<T>())}.");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
