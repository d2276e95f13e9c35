using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;

namespace OAuthClients.Sdk.Tests.Infrastructure;

/// <summary>
/// What the shared <see cref="ArrayPool{T}"/> of bytes holds: a buffer the SDK returned on this thread (a call through
/// an in-process handler that completes synchronously runs on it) is rented back here, from this thread's slot or the
/// pool's shared stacks. A buffer returned on another thread may be missed, so a finding is certain, its absence is not.
/// </summary>
public static class PooledBytes
{
    /// <summary>Whether an array of the pool's buckets up to 1 MiB holds <paramref name="text"/> (UTF-8).</summary>
    public static bool Contain(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        var rented = new List<byte[]>();
        var found = false;
        for (var size = 16; size <= 1024 * 1024; size *= 2)
        {
            for (var i = 0; i < 8; i++)
            {
                var array = ArrayPool<byte>.Shared.Rent(size);
                rented.Add(array);
                found |= array.AsSpan().IndexOf(needle) >= 0;
            }
        }

        foreach (var array in rented)
        {
            ArrayPool<byte>.Shared.Return(array, clearArray: true);
        }

        return found;
    }
}
