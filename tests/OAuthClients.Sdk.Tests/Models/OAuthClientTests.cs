using System;
using System.Linq;
using OAuthClients.Sdk.Models;
using Xunit;

namespace OAuthClients.Sdk.Tests.Models;

public sealed class OAuthClientTests
{
    private static OAuthClient Sample() => new()
    {
        Id = "c1",
        ClientId = "app",
        Name = "App",
        Description = "d",
        RedirectUris = ["https://a.example/cb"],
        AllowedScopes = ["openid"],
        GrantTypes = ["authorization_code"],
        AllowedOrigins = ["https://a.example"],
        IdTokenLifetime = TimeSpan.FromHours(1),
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Equals_SameValuesInOtherListInstances_AreEqual()
    {
        var copy = Sample() with { RedirectUris = ["https://a.example/cb"], AllowedScopes = new[] { "openid" }.ToList() };

        Assert.Equal(Sample(), copy);
        Assert.Equal(Sample().GetHashCode(), copy.GetHashCode());
    }

    [Fact]
    public void Equals_AnyMemberDifferent_AreNotEqual()
    {
        // Every settable member, changed one at a time: a member missing from Equals fails here.
        var properties = typeof(OAuthClient).GetProperties().Where(p => p.CanWrite).ToArray();
        Assert.Equal(27, properties.Length);
        foreach (var property in properties)
        {
            var changed = Sample() with { };
            object? other = property.PropertyType switch
            {
                var t when t == typeof(string) => "other",
                var t when t == typeof(bool) => !(bool)property.GetValue(changed)!,
                var t when t == typeof(TimeSpan) || t == typeof(TimeSpan?) => TimeSpan.FromSeconds(7),
                var t when t == typeof(DateTimeOffset?) => DateTimeOffset.MaxValue,
                _ => new[] { "other" },
            };
            property.SetValue(changed, other);

            Assert.True(!Sample().Equals(changed), $"Changing {property.Name} kept the clients equal.");
        }
    }

    [Fact]
    public void ToString_ShowsListItems()
    {
        var text = Sample().ToString();

        Assert.Contains("RedirectUris = [https://a.example/cb]", text, StringComparison.Ordinal);
        Assert.Contains("AllowedScopes = [openid]", text, StringComparison.Ordinal);
    }
}
