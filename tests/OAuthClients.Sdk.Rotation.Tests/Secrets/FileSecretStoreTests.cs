using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Secrets;
using Xunit;

namespace OAuthClients.Sdk.Rotation.Tests.Secrets;

public sealed class FileSecretStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Directory.CreateTempSubdirectory("oauthclients-secrets-").FullName, "secrets");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_directory)!, recursive: true);

    [Fact]
    public async Task SetSecretAsync_NewClient_WritesTheSecretAloneOwnerOnly()
    {
        var sut = new FileSecretStore(_directory);

        await sut.SetSecretAsync(Client("app-1"), new ClientSecret("cs_live_first"));

        var path = sut.PathFor("app-1");
        Assert.Equal("cs_live_first", await File.ReadAllTextAsync(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_directory));
        }
    }

    [Fact]
    public async Task SetSecretAsync_SecondSecret_ReplacesTheFileAndLeavesNoTemporaryFile()
    {
        var sut = new FileSecretStore(_directory);

        await sut.SetSecretAsync(Client("app-1"), new ClientSecret("cs_live_first"));
        await sut.SetSecretAsync(Client("app-1"), new ClientSecret("cs_live_second"));

        Assert.Equal("cs_live_second", await File.ReadAllTextAsync(sut.PathFor("app-1")));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../escape")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    public async Task SetSecretAsync_IdThatLooksLikeAPath_StaysInsideTheDirectory(string clientId)
    {
        var sut = new FileSecretStore(_directory);

        await sut.SetSecretAsync(Client(clientId), new ClientSecret("cs_live_x"));

        var file = Assert.Single(Directory.GetFiles(_directory));
        Assert.Equal(_directory, Path.GetDirectoryName(file));
        Assert.False(Path.GetFileName(file).StartsWith('.'));
    }

    [Fact]
    public async Task SetSecretAsync_EmptyClientId_ThrowsBeforeWriting()
    {
        var sut = new FileSecretStore(_directory);

        await Assert.ThrowsAsync<ArgumentException>(() => sut.SetSecretAsync(Client(string.Empty), new ClientSecret("cs_live_x")));
        Assert.False(Directory.Exists(_directory) && Directory.EnumerateFiles(_directory).Any());
    }

    [Fact]
    public void Constructor_BlankDirectory_Throws() => Assert.Throws<ArgumentException>("directory", () => new FileSecretStore(" "));

    [Fact]
    public async Task AddSecretFiles_SecretRotated_OptionsMonitorSeesTheNewSecretWithoutARestart()
    {
        var store = new FileSecretStore(_directory);
        await store.SetSecretAsync(Client("billing"), new ClientSecret("cs_live_old"));
        var configuration = new ConfigurationBuilder().AddSecretFiles(_directory).Build();
        using var provider = new ServiceCollection().Configure<AppSecrets>(configuration.GetSection("ClientSecrets")).BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<AppSecrets>>();
        Assert.Equal("cs_live_old", monitor.CurrentValue.Billing);
        var changed = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = monitor.OnChange(secrets =>
        {
            if (secrets.Billing == "cs_live_new")
            {
                changed.TrySetResult(secrets.Billing);
            }
        });

        await store.SetSecretAsync(Client("billing"), new ClientSecret("cs_live_new"));

        Assert.Equal("cs_live_new", await changed.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("cs_live_new", configuration["ClientSecrets:billing"]);
    }

    [Fact]
    public void AddSecretFiles_MissingDirectory_IsCreatedEmpty()
    {
        var configuration = new ConfigurationBuilder().AddSecretFiles(_directory, "Secrets").Build();

        Assert.Empty(configuration.GetSection("Secrets").GetChildren());
        Assert.True(Directory.Exists(_directory));
    }

    private static OAuthClient Client(string clientId) => new()
    {
        Id = "id-" + clientId,
        ClientId = clientId,
        Name = "App",
    };

    public sealed class AppSecrets
    {
        public string? Billing { get; set; }
    }
}
