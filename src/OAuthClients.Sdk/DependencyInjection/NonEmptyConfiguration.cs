using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using OAuthClients.Sdk.Internal;

namespace OAuthClients.Sdk.DependencyInjection;

/// <summary>
/// A read-only view of a configuration section in which an empty value is no value: <c>"ApiKey": ""</c> (a common
/// placeholder) is unset, and a section whose values are all empty does not exist. The binder reads options through it.
/// </summary>
internal sealed class NonEmptyConfiguration(IConfiguration inner) : IConfigurationSection
{
    public string Key => (inner as IConfigurationSection)?.Key ?? string.Empty;

    public string Path => (inner as IConfigurationSection)?.Path ?? string.Empty;

    public string? Value
    {
        get => Setting.OrUnset((inner as IConfigurationSection)?.Value);
        set => throw new System.NotSupportedException("The view is read-only.");
    }

    public string? this[string key]
    {
        get => GetSection(key).Value;
        set => throw new System.NotSupportedException("The view is read-only.");
    }

    public IEnumerable<IConfigurationSection> GetChildren() =>
        inner.GetChildren().Select(child => new NonEmptyConfiguration(child)).Where(HasValue);

    public IConfigurationSection GetSection(string key) => new NonEmptyConfiguration(inner.GetSection(key));

    public IChangeToken GetReloadToken() => inner.GetReloadToken();

    private static bool HasValue(IConfigurationSection section) => section.Value is not null || section.GetChildren().Any();
}
