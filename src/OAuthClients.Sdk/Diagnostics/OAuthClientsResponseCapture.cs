using System;
using OAuthClients.Sdk.Http;
using System.Threading;

#pragma warning disable IDE0130 // Public diagnostics types live in the package's root namespace, so one using reaches them.
namespace OAuthClients.Sdk;

/// <summary>
/// Captures the status, request id and rate limit of the successful responses of the calls made while it is active, on this
/// asynchronous flow, without a logging sink: <c>using var capture = OAuthClientsResponseCapture.Start();</c>, make the
/// call, then read <see cref="Last"/>. A failed call needs none: its <see cref="Errors.OAuthClientsApiException"/>
/// carries both.
/// </summary>
/// <remarks>
/// The capture flows with the caller's <see cref="ExecutionContext"/> into the calls it awaits, so concurrent callers
/// each see their own. It keeps only the latest response (a list of many pages does not grow it).
/// </remarks>
public sealed class OAuthClientsResponseCapture : IDisposable
{
    private static readonly AsyncLocal<OAuthClientsResponseCapture?> Current = new();

    private readonly OAuthClientsResponseCapture? _outer;
    private OAuthClientsResponse? _last;
    private int _count;
    private bool _disposed;

    private OAuthClientsResponseCapture(OAuthClientsResponseCapture? outer) => _outer = outer;

    /// <summary>Gets the latest successful response captured, or <see langword="null"/> before the first.</summary>
    /// <value>For a list, the response of the last page read; for a call that obtained a token first, the call's own.</value>
    public OAuthClientsResponse? Last => Volatile.Read(ref _last);

    /// <summary>Gets how many successful responses were captured (a list reads one per page).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Starts capturing on the current asynchronous flow, until the capture is disposed.</summary>
    /// <returns>The capture; dispose it to stop (an outer capture, if any, then captures again).</returns>
    public static OAuthClientsResponseCapture Start()
    {
        var capture = new OAuthClientsResponseCapture(Current.Value);
        Current.Value = capture;
        return capture;
    }

    /// <summary>Stops capturing; <see cref="Last"/> keeps its value.</summary>
    public void Dispose()
    {
        if (!_disposed && ReferenceEquals(Current.Value, this))
        {
            Current.Value = _outer;
        }

        _disposed = true;
    }

    /// <summary>Records a successful response in the active capture, if there is one (its headers are read only then).</summary>
    internal static void Record(ApiResponse response)
    {
        if (Current.Value is { } capture)
        {
            Volatile.Write(ref capture._last, new OAuthClientsResponse(response.StatusCode, response.RequestId) { RateLimit = response.RateLimit });
            Interlocked.Increment(ref capture._count);
        }
    }
}
