using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OAuthClients.Sdk.Errors;

namespace OAuthClients.Sdk.HealthChecks;

/// <summary>
/// Healthy when the credential works and can read clients; degraded when it works but lacks the permission to read
/// clients; the registration's failure status (unhealthy by default) when the provider refuses it or cannot be
/// reached. Its data and description carry who the credential is, never a credential.
/// </summary>
internal sealed class OAuthClientsHealthCheck(IOAuthClientsClientFactory factory, string clientName) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var identity = await factory.CreateClient(clientName).WhoAmIAsync(cancellationToken).ConfigureAwait(false);
            var data = new Dictionary<string, object>
            {
                ["organisation"] = identity.Organisation ?? string.Empty,
                ["user"] = identity.Name ?? identity.Id ?? string.Empty,
                ["canReadClients"] = identity.CanReadClients?.ToString() ?? "unknown",
            };
            return identity.CanReadClients == false
                ? HealthCheckResult.Degraded("The credential works but lacks the permission to read OAuth clients (clients:read).", data: data)
                : HealthCheckResult.Healthy(identity.CanReadClients == true ? "The credential works and can read OAuth clients." : "The credential works; the provider does not say whether it can read OAuth clients.", data);
        }
        catch (Exception ex) when (ex is OAuthClientsApiException or HttpRequestException or TimeoutException)
        {
            // The SDK's messages carry no credential.
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message, ex);
        }
    }
}
