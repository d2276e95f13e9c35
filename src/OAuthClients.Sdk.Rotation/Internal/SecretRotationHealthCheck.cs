using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OAuthClients.Sdk.Rotation.Internal;

/// <summary>Unhealthy while a new secret waits for a store, after a failed pass, or while a new secret was refused.</summary>
internal sealed class SecretRotationHealthCheck(RotationStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["pendingDeliveries"] = status.PendingDeliveries,
            ["failedVerifications"] = status.FailedVerifications,
            ["lastPassFailed"] = status.LastPassFailed,
        };
        if (status.LastPassAt is { } at)
        {
            data["lastPassAt"] = at;
        }

        string? problem = status switch
        {
            { PendingDeliveries: > 0 } => $"{status.PendingDeliveries} new secret(s) are waiting for a secret store.",
            { LastPassFailed: true } => "The last rotation pass failed.",
            { FailedVerifications: > 0 } => $"{status.FailedVerifications} new secret(s) were not accepted by the provider's token endpoint.",
            _ => null,
        };
        return Task.FromResult(problem is null
            ? HealthCheckResult.Healthy("Secret rotation is up to date.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, problem, data: data));
    }
}
