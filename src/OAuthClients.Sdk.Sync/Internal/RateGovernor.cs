using System;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Sync.Internal;

/// <summary>
/// Paces writes by the server's <c>X-RateLimit-*</c> headers: a write starts only while the window has requests left
/// (counting the writes in flight, which the server has not counted yet); otherwise it waits for the window's reset.
/// Before the first response it knows nothing and lets writes through (at most the concurrency limit of them). A
/// server whose window ends more than <see cref="MaxWait"/> away fails the write instead of stalling the apply.
/// </summary>
internal sealed class RateGovernor(TimeProvider time)
{
    /// <summary>The longest wait for a window's reset that the governor accepts.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);

    private readonly object _gate = new();
    private int? _remaining;
    private DateTimeOffset? _reset;
    private int _inFlight;

    /// <summary>Waits until a write may start, then counts it in flight.</summary>
    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                if (_reset is { } reset && now >= reset)
                {
                    // A new window: the next response says how much of it is left.
                    _remaining = null;
                    _reset = null;
                }

                if (_remaining is null || _remaining > _inFlight)
                {
                    _inFlight++;
                    return;
                }

                wait = _reset!.Value - now;
                if (wait > MaxWait)
                {
                    throw new ClientsSyncException($"The server's rate limit window ends in {wait.TotalMinutes:F0} minutes (X-RateLimit-Reset), more than the {MaxWait.TotalMinutes:F0} minutes the apply waits: the write was not sent.");
                }
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Counts a write as finished, with the rate limit its response reported (if any).</summary>
    public void Exit(OAuthClientsRateLimit? rateLimit)
    {
        lock (_gate)
        {
            _inFlight--;
            if (rateLimit is null)
            {
                return;
            }

            // A server that does not say when its window ends is asked again after a second.
            var reset = rateLimit.Reset ?? time.GetUtcNow().AddSeconds(1);
            if (_reset is null || reset > _reset)
            {
                // The first report of a window.
                _reset = reset;
                _remaining = rateLimit.Remaining;
            }
            else if (reset == _reset)
            {
                // Responses of one window arrive out of order: the lowest remaining count is the latest.
                _remaining = Math.Min(_remaining ?? int.MaxValue, rateLimit.Remaining);
            }
        }
    }
}
