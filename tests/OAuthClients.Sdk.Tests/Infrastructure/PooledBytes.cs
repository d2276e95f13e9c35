using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;

namespace OAuthClients.Sdk.Tests.Infrastructure;

/// <summary>
/// What the shared <see cref="ArrayPool{T}"/> of bytes holds: a buffer the SDK returned on this thread (a call through
/// an in-process handler that completes synchronously runs on it) is rented back here, from this thread's slot or the
/// pool's shared stacks. A buffer returned on another thread may be missed, so a finding is certain, its absence is not.
/// Call <see cref="Prime"/> before the SDK call: an array the pool creates when a bucket is empty is uninitialized memory,
/// which may hold anything the GC freed (a test's own copy of a body, say), and would be a false finding.
/// </summary>
public static class PooledBytes
{
    private const int Depth = 8;

    private const int Largest = 1024 * 1024;

    /// <summary>
    /// Fills every bucket up to 1 MiB with zeroed arrays, twice as many as <see cref="Contain"/> rents back, so that it
    /// rents only these or arrays returned since, even if other threads take some meanwhile.
    /// </summary>
    public static void Prime() => RentAndReturn(2 * Depth, _ => { });

    /// <summary>Whether an array of the pool's buckets up to 1 MiB holds <paramref name="text"/> (UTF-8).</summary>
    public static bool Contain(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        var found = false;
        RentAndReturn(Depth, array => found |= array.AsSpan().IndexOf(needle) >= 0);
        return found;
    }

    private static void RentAndReturn(int perBucket, Action<byte[]> inspect)
    {
        var rented = new List<byte[]>();
        for (var size = 16; size <= Largest; size *= 2)
        {
            for (var i = 0; i < perBucket; i++)
            {
                var array = ArrayPool<byte>.Shared.Rent(size);
                rented.Add(array);
                inspect(array);
            }
        }

        foreach (var array in rented)
        {
            ArrayPool<byte>.Shared.Return(array, clearArray: true);
        }
    }
}
