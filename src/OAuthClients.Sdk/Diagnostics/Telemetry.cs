using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OAuthClients.Sdk.Diagnostics;

/// <summary>
/// The SDK's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>OAuthClients.Sdk</c>. Tags carry the
/// operation, dialect, status and retry count: never an id, a secret or a credential.
/// </summary>
internal static class Telemetry
{
    public const string Name = "OAuthClients.Sdk";

    public static readonly ActivitySource ActivitySource = new(Name, typeof(Telemetry).Assembly.GetName().Version?.ToString());

    private static readonly Meter Meter = new(Name, typeof(Telemetry).Assembly.GetName().Version?.ToString());

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "oauthclients.client.operation.duration", "s", "Duration of OAuthClients.Sdk operations, retries included.");

    public static readonly Counter<long> Operations = Meter.CreateCounter<long>(
        "oauthclients.client.operations", "{operation}", "OAuthClients.Sdk operations, by dialect, operation and outcome.");
}
