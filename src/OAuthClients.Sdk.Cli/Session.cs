using System;
using System.CommandLine;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OAuthClients.Sdk.Cli.Connection;
using OAuthClients.Sdk.Cli.Output;

namespace OAuthClients.Sdk.Cli;

/// <summary>What every command needs: the global options and the terminal.</summary>
internal sealed class CommandServices(ConnectionOptions connection, Terminal terminal)
{
    public ConnectionOptions Connection => connection;

    public Terminal Terminal => terminal;

    public Option<string?> OutputFormat { get; } = new Option<string?>("--output", "-o") { Description = "table or json [default: table in a terminal, json when the output is redirected].", Recursive = true }.AcceptOnlyFromAmong("table", "json");

    /// <summary>Resolves the connection and the output format, and builds the SDK's client (through DI, for its logging).</summary>
    public Session Open(ParseResult parse, Action<IServiceCollection>? configure = null)
    {
        var options = connection.Resolve(parse, terminal);
        var json = parse.GetValue(OutputFormat) is { } format ? format == "json" : terminal.IsOutputRedirected;
        var services = new ServiceCollection();
        var minimum = parse.GetValue(connection.Verbose) ? LogLevel.Debug : LogLevel.Warning;
        services.AddLogging(logging => logging.SetMinimumLevel(minimum).AddProvider(new StandardErrorLoggerProvider(terminal, minimum)));
        services.AddOAuthClientsSdk(configured =>
        {
            configured.Dialect = options.Dialect;
            configured.LumoAuthApi = options.LumoAuthApi;
            configured.BaseAddress = options.BaseAddress;
            configured.Tenant = options.Tenant;
            configured.ApiKey = options.ApiKey;
        });
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        return new Session(provider, new Renderer(terminal, json), terminal);
    }
}

/// <summary>One command's run: the SDK's client, the renderer, and the services they came from.</summary>
internal sealed class Session(ServiceProvider provider, Renderer output, Terminal terminal) : IAsyncDisposable
{
    private IOAuthClientsClient? _client;

    public IServiceProvider Services => provider;

    public IOAuthClientsClient Client => _client ??= provider.GetRequiredService<IOAuthClientsClientFactory>().CreateClient(Microsoft.Extensions.Options.Options.DefaultName);

    public Renderer Output => output;

    public Terminal Terminal => terminal;

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
