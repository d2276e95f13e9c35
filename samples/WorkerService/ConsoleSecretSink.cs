using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OAuthClients.Sdk.Models;

namespace WorkerService;

/// <summary>The default sink: says a secret was received, redacted. Replace it with your vault's.</summary>
public sealed partial class ConsoleSecretSink(ILogger<ConsoleSecretSink> logger) : ISecretSink
{
    public Task StoreAsync(OAuthClient client, ClientSecret secret, CancellationToken cancellationToken)
    {
        // ClientSecret.ToString() is redacted; a real sink would store secret.Reveal().
        Stored(logger, client.ClientId, secret);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "New secret for {ClientId}: {Secret} (a real sink stores secret.Reveal())")]
    private static partial void Stored(ILogger logger, string clientId, ClientSecret secret);
}
