using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace OAuthClients.Sdk.Tests.Infrastructure;

/// <summary>
/// Fake time that moves only when a test says so. It reports every timer the SDK creates or reschedules, so a test can fire the
/// backoff delays (and, when it asks, the per-attempt timeouts) at once, without sleeping, and assert on them.
/// </summary>
public sealed class SteppingTimeProvider(TimeSpan attemptTimeout) : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>Gets the backoff delays the SDK waited, in order.</summary>
    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // The timer is scheduled before it is reported: Drive advances the clock as soon as it reads the report, and a
        // timer scheduled after that advance would wait for a time that never comes (the test would hang).
        // Only created timers are reported: under a TimeProvider other than the system's, CancellationTokenSource.TryReset
        // fails, so the SDK never reschedules an attempt's timeout source (it makes a new one per attempt).
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _created.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>
    /// Runs <paramref name="call"/>, firing each backoff delay as soon as it is scheduled. Attempt timeouts fire only
    /// when <paramref name="timeoutWhen"/> is given, once the task it returns completes (say, once the request arrived).
    /// </summary>
    public async Task<T> Drive<T>(Task<T> call, Func<Task>? timeoutWhen = null)
    {
        while (true)
        {
            var next = _created.Reader.WaitToReadAsync().AsTask();
            if (await Task.WhenAny(call, next) == call)
            {
                return await call;
            }

            while (_created.Reader.TryRead(out var due))
            {
                if (due != attemptTimeout)
                {
                    Delays.Enqueue(due);
                    Advance(due);
                }
                else if (timeoutWhen is not null)
                {
                    await timeoutWhen();
                    Advance(due);
                }
            }
        }
    }

    /// <summary>Waits until the SDK schedules a backoff delay, without firing it.</summary>
    public async Task<TimeSpan> NextBackoff()
    {
        while (true)
        {
            var due = await _created.Reader.ReadAsync();
            if (due != attemptTimeout)
            {
                return due;
            }
        }
    }

    public async Task Drive(Task call, Func<Task>? timeoutWhen = null) =>
        await Drive(call.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), timeoutWhen);
}
