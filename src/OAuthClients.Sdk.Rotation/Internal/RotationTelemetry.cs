using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace OAuthClients.Sdk.Rotation.Internal;

/// <summary>
/// The rotation service's instruments, on a <see cref="Meter"/> named <c>OAuthClients.Sdk.Rotation</c> from the app's
/// <see cref="IMeterFactory"/>. Tags carry outcomes and store names: never a client id, a secret or a connection string.
/// </summary>
internal sealed class RotationTelemetry
{
    public const string MeterName = "OAuthClients.Sdk.Rotation";

    public RotationTelemetry(IMeterFactory meterFactory, RotationStatus status)
    {
        var meter = meterFactory.Create(MeterName);
        Rotations = meter.CreateCounter<long>(
            "oauthclients.rotation.rotations", "{rotation}", "Rotations by outcome: rotated, recovered, failed, lock_lost (a pending secret dropped), would_rotate (dry run).");
        Verifications = meter.CreateCounter<long>(
            "oauthclients.rotation.verifications", "{verification}", "Verifications of new secrets by result: accepted, refused, failed.");
        DeliveryFailures = meter.CreateCounter<long>(
            "oauthclients.rotation.delivery.failures", "{failure}", "Failed attempts to store a new secret, by store; each is retried.");
        meter.CreateObservableGauge(
            "oauthclients.rotation.pending_deliveries", () => status.PendingDeliveries, "{secret}", "New secrets held in memory because a store has not taken them yet.");
        meter.CreateObservableGauge(
            "oauthclients.rotation.oldest_secret_age", () => status.OldestSecretAge?.TotalSeconds ?? 0, "s", "Age of the oldest secret among the clients the last pass considered.");
    }

    public Counter<long> Rotations { get; }

    public Counter<long> Verifications { get; }

    public Counter<long> DeliveryFailures { get; }

    public void Rotation(string outcome) => Rotations.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Verification(string result) => Verifications.Add(1, new KeyValuePair<string, object?>("result", result));

    public void DeliveryFailure(string store) => DeliveryFailures.Add(1, new KeyValuePair<string, object?>("store", store));
}
