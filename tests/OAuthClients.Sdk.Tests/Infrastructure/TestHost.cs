using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace OAuthClients.Sdk.Tests.Infrastructure;

/// <summary>A client resolved the way an app gets it (DI, IHttpClientFactory), with fake time and every log line captured at Trace.</summary>
public sealed class TestHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public TestHost(Action<OAuthClientsOptions> configure, Action<IHttpClientBuilder>? build = null)
    {
        var options = new OAuthClientsOptions();
        configure(options);
        Time = new SteppingTimeProvider(options.Timeout);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        var builder = services.AddOAuthClientsSdk(configure);
        build?.Invoke(builder);
        _provider = services.BuildServiceProvider();
        Client = _provider.GetRequiredService<IOAuthClientsClient>();
        Logs = _provider.GetFakeLogCollector();
    }

    public IOAuthClientsClient Client { get; }

    public SteppingTimeProvider Time { get; }

    public FakeLogCollector Logs { get; }

    public void Dispose() => _provider.Dispose();
}
