using System;
using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace OAuthClients.Sdk.Sync.Tests.Infrastructure;

/// <summary>
/// A clock on a <see cref="FakeTimeProvider"/> that jumps ahead by every wait it is asked for, at once: the rate
/// governor's waits take no real time, and the fake server sees the fake time pass.
/// </summary>
public sealed class AdvancingTime(FakeTimeProvider fake) : TimeProvider
{
    public override long TimestampFrequency => fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = fake.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            ThreadPool.QueueUserWorkItem(_ => fake.Advance(dueTime));
        }

        return timer;
    }
}
