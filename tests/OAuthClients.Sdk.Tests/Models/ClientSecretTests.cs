using System;
using System.Text.Json;
using OAuthClients.Sdk.Models;
using Xunit;

namespace OAuthClients.Sdk.Tests.Models;

public sealed class ClientSecretTests
{
    private const string Value = "cs_live_7Hq2Vd9XkP4mN8sR1tW6yZ3b";

    private static readonly OAuthClient Client = new() { Id = "1", ClientId = "app", Name = "App" };

    [Fact]
    public void Reveal_ReturnsThePlaintext()
    {
        var sut = new ClientSecret(Value);

        Assert.Equal(Value, sut.Reveal());
    }

    [Theory]
    [InlineData(Value, "cs_live_****")]
    [InlineData("secret_abc123def456...", "secret_****")]
    [InlineData("new_secret_def456", "****")]
    [InlineData("short", "****")]
    [InlineData("ABCDEF_0123456789abcdef", "****")]
    [InlineData("a_b_c_0123456789abcdef", "a_b_****")]
    [InlineData("zz_live_0123456789", "zz_live_****")]
    [InlineData("cs_live_01234567", "cs_live_****")]
    [InlineData("cs_live_0123456", "****")]
    public void ToString_NeverContainsTheRandomPart(string value, string expected)
    {
        var sut = new ClientSecret(value);

        Assert.Equal(expected, sut.ToString());
        Assert.Equal(expected, $"{sut}");
    }

    [Fact]
    public void SystemTextJson_ClientSecretAndCreatedClient_AreWrittenRedacted()
    {
        var secret = new ClientSecret(Value);
        var created = new CreatedOAuthClient(Client, secret);

        var secretJson = JsonSerializer.Serialize(secret);
        var createdJson = JsonSerializer.Serialize(created);

        Assert.Equal("\"cs_live_****\"", secretJson);
        Assert.DoesNotContain("7Hq2Vd9X", createdJson, StringComparison.Ordinal);
        Assert.Contains("\"Secret\":\"cs_live_****\"", createdJson, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemTextJson_UserSourceGeneratedContext_WritesTheSecretRedacted()
    {
        var created = new CreatedOAuthClient(Client, new ClientSecret(Value));

        var createdJson = JsonSerializer.Serialize(created, UserJsonContext.Default.CreatedOAuthClient);
        var secretJson = JsonSerializer.Serialize(created.Secret, UserJsonContext.Default.ClientSecret);

        Assert.Equal("\"cs_live_****\"", secretJson);
        Assert.DoesNotContain("7Hq2Vd9X", createdJson, StringComparison.Ordinal);
        Assert.Contains("\"Secret\":\"cs_live_****\"", createdJson, StringComparison.Ordinal);
        Assert.Contains("\"Name\":\"App\"", createdJson, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemTextJson_UserSourceGeneratedContextReadingASecret_IsRefused()
    {
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize("\"cs_live_****\"", UserJsonContext.Default.ClientSecret));
    }

    [Fact]
    public void SystemTextJson_ReadingASecret_IsRefused()
    {
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<ClientSecret>("\"cs_live_****\""));
    }

    [Fact]
    public void CreatedOAuthClient_ToString_IsRedacted()
    {
        var created = new CreatedOAuthClient(Client, new ClientSecret(Value));

        Assert.DoesNotContain("7Hq2Vd9X", created.ToString(), StringComparison.Ordinal);
        Assert.Contains("cs_live_****", created.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_BlankValue_Throws(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => new ClientSecret(value));

        Assert.Equal("value", error.ParamName);
    }

    [Fact]
    public void Constructor_NullValue_ThrowsArgumentNullException()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new ClientSecret(null!));

        Assert.Equal("value", error.ParamName);
    }
}
