using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace OAuthClients.Sdk.DependencyInjection;

/// <summary>
/// Binds <see cref="OAuthClientsOptions"/> from configuration strictly: a key that is not a setting fails with its
/// path and the nearest setting's name, and an empty value is unset (<see cref="NonEmptyConfiguration"/>).
/// </summary>
internal static class OptionsBinding
{
    /// <exception cref="OptionsValidationException">A key is not a setting.</exception>
    public static void Bind(IConfiguration configuration, string name, OAuthClientsOptions options)
    {
        var unknown = new List<string>();
        FindUnknownKeys(configuration, SettingsOf(typeof(OAuthClientsOptions))!, unknown);
        if (unknown.Count > 0)
        {
            throw new OptionsValidationException(name, typeof(OAuthClientsOptions), unknown);
        }

        // The binder's own check stays as the backstop for sections this class does not describe.
        new NonEmptyConfiguration(configuration).Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
    }

    private static void FindUnknownKeys(IConfiguration section, PropertyInfo[] settings, List<string> unknown)
    {
        foreach (var child in section.GetChildren())
        {
            var setting = Array.Find(settings, s => string.Equals(s.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (setting is null)
            {
                var suggestion = Nearest(child.Key, settings.Select(s => s.Name));
                unknown.Add(suggestion is null
                    ? $"{child.Path} is not a setting; the settings are {string.Join(", ", settings.Select(s => s.Name))}."
                    : $"{child.Path} is not a setting; did you mean {suggestion}?");
            }
            else if (SettingsOf(setting.PropertyType) is { } nested)
            {
                FindUnknownKeys(child, nested, unknown);
            }
        }
    }

    // Only the option classes named here are walked (typeof keeps their properties when trimmed); the binder checks
    // any other nested section.
    private static PropertyInfo[]? SettingsOf(Type type) =>
        type == typeof(OAuthClientsOptions) ? Writable(typeof(OAuthClientsOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        : type == typeof(ClientCredentialsOptions) ? Writable(typeof(ClientCredentialsOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        : type == typeof(LoginOptions) ? Writable(typeof(LoginOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        : null;

    private static PropertyInfo[] Writable(PropertyInfo[] properties) => Array.FindAll(properties, p => p.CanWrite);

    /// <summary>
    /// The setting nearest to <paramref name="key"/>, ignoring case: within two edits (a typo) or containing it (a
    /// shortened name such as <c>Secret</c>), if one is.
    /// </summary>
    private static string? Nearest(string key, IEnumerable<string> names)
    {
        const int MaxEdits = 2;
        const int MinPartLength = 4;
        return names
            .Select(name => (Name: name, Edits: Distance(key.ToUpperInvariant(), name.ToUpperInvariant())))
            .Where(candidate => candidate.Edits <= MaxEdits
                || (key.Length >= MinPartLength && candidate.Name.IndexOf(key, StringComparison.OrdinalIgnoreCase) >= 0))
            .OrderBy(candidate => candidate.Edits)
            .Select(candidate => candidate.Name)
            .FirstOrDefault();
    }

    // Levenshtein distance, one row at a time.
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
