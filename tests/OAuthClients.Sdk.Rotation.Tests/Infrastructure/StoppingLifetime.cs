using System.Threading;
using Microsoft.Extensions.Hosting;

namespace OAuthClients.Sdk.Rotation.Tests.Infrastructure;

/// <summary>An application lifetime that records whether the service asked the application to stop.</summary>
public sealed class StoppingLifetime : IHostApplicationLifetime
{
    private readonly CancellationTokenSource _stopping = new();

    public CancellationToken ApplicationStarted => CancellationToken.None;

    public CancellationToken ApplicationStopping => _stopping.Token;

    public CancellationToken ApplicationStopped => CancellationToken.None;

    public bool StopRequested => _stopping.IsCancellationRequested;

    public void StopApplication() => _stopping.Cancel();
}
