using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using OAuthClients.Sdk.Errors;

namespace OAuthClients.Sdk.Diagnostics;

/// <summary>
/// The SDK's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>OAuthClients.Sdk</c>. Tags carry the
/// operation, dialect, status and retry count: never an id, a secret or a credential.
/// </summary>
internal static class Telemetry
{
    public const string Name = "OAuthClients.Sdk";

    private const string DurationName = "oauthclients.client.operation.duration";
    private const string DurationDescription = "Duration of OAuthClients.Sdk operations, retries included.";

    public static readonly ActivitySource ActivitySource = new(Name, typeof(Telemetry).Assembly.GetName().Version?.ToString());

    private static readonly Meter Meter = new(Name, typeof(Telemetry).Assembly.GetName().Version?.ToString());

#if NET9_0_OR_GREATER
    /// <summary>
    /// Bucket boundaries in seconds: the OpenTelemetry HTTP client duration buckets, then 30 and 60 s for operations
    /// that waited for retries. The default buckets (0, 5, 10, ...) would put every call in the first.
    /// </summary>
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60];

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        DurationName, "s", DurationDescription, tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
#else
    // InstrumentAdvice needs System.Diagnostics.DiagnosticSource 9, above this target's 8.0 floor: the README shows the
    // equivalent OpenTelemetry view.
    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(DurationName, "s", DurationDescription);
#endif

    public static readonly Counter<long> Operations = Meter.CreateCounter<long>(
        "oauthclients.client.operations", "{operation}", "OAuthClients.Sdk operations, by dialect, operation and outcome.");

    /// <summary>
    /// The <c>error.type</c> of a failed operation, as the OpenTelemetry HTTP conventions define it: the status code of
    /// an error response, else the exception's type name.
    /// </summary>
    public static string ErrorType(Exception error) => error is OAuthClientsApiException api
        ? ((int)api.StatusCode).ToString(CultureInfo.InvariantCulture)
        : error.GetType().FullName!;
}
