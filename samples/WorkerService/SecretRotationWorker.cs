using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OAuthClients.Sdk;
using OAuthClients.Sdk.Errors;

namespace WorkerService;

/// <summary>
/// Rotates the secret of every confidential client whose secret is older than <see cref="SecretRotationOptions.MaxSecretAge"/>
/// and hands the new one to the <see cref="ISecretSink"/>. The admin APIs do not say when a secret was issued, so a
/// secret's age is counted from the client's creation, or from this worker's last rotation of it.
/// </summary>
public sealed partial class SecretRotationWorker(
    IOAuthClientsClient clients,
    ISecretSink sink,
    IOptions<SecretRotationOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<SecretRotationWorker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _rotatedAt = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RotateDueSecretsAsync(settings.MaxSecretAge, stoppingToken);
            }
            catch (Exception ex) when (ex is OAuthClientsApiException or HttpRequestException or TimeoutException)
            {
                // A transient outage (after the SDK's own retries) must not stop the service: try again next pass.
                PassFailed(logger, ex.Message);
            }

            if (settings.RunOnce)
            {
                lifetime.StopApplication();
                return;
            }

            await Task.Delay(settings.Interval, time, stoppingToken);
        }
    }

    private async Task RotateDueSecretsAsync(TimeSpan maxAge, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        int due = 0, rotated = 0;
        await foreach (var client in clients.ListAsync(cancellationToken))
        {
            var issuedAt = _rotatedAt.TryGetValue(client.Id, out var at) ? at : client.CreatedAt;
            if (!client.IsConfidential || issuedAt is null || now - issuedAt < maxAge)
            {
                continue;
            }

            due++;
            try
            {
                var secret = await clients.RotateSecretAsync(client.Id, cancellationToken);
                _rotatedAt[client.Id] = now;
                await sink.StoreAsync(client, secret, cancellationToken);
                rotated++;
            }
            catch (OAuthClientsApiException ex)
            {
                // One client's failure (deleted meanwhile, say) does not stop the others.
                RotationFailed(logger, client.ClientId, ex.Message);
            }
        }

        PassDone(logger, due, rotated);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rotation pass done: {Due} secrets due, {Rotated} rotated")]
    private static partial void PassDone(ILogger logger, int due, int rotated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not rotate the secret of {ClientId}: {Reason}")]
    private static partial void RotationFailed(ILogger logger, string clientId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rotation pass failed, will try again next pass: {Reason}")]
    private static partial void PassFailed(ILogger logger, string reason);
}
