using System;
using System.Buffers;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Dialects;

/// <summary>
/// Reads a list body as it arrives, in memory bounded by the buffer (the largest item, or 16 KiB) rather than by the
/// list: a top-level array, or an object (the envelope) one of whose members (<see cref="ListShape.ItemMembers"/>) is
/// the array of items. The items come in batches: every complete item in the buffer, as one JSON array, so that the
/// dialect deserializes a batch in one call rather than paying the serializer's per-call cost per item. The
/// envelope's other members (paging, totals) are kept as a small JSON object for the dialect to read at the end. A
/// <see cref="Utf8JsonReader"/> loop over a pooled buffer, which is cleared before it goes back.
/// </summary>
/// <remarks>
/// Not thread-safe; one instance per response. An item, or the envelope without its items, longer than the limit
/// fails with <see cref="Http.ResponseTooLargeException"/>; a body that is not such a list with <see cref="JsonException"/>.
/// </remarks>
internal sealed class JsonListReader : IDisposable
{
    private const int FirstBufferSize = 16 * 1024;

    private readonly Func<byte[], int, int, CancellationToken, ValueTask<int>> _read;
    private readonly string[] _itemMembers;
    private readonly int _maxItemSize;
    private readonly MemoryStream _envelope = new();
    private readonly Utf8JsonWriter _envelopeWriter;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(FirstBufferSize);
    private int _start = 1;
    private int _end = 1;
    private bool _final;
    private JsonReaderState _state;
    private Phase _phase;

    // The byte a batch's closing ']' overwrote, put back before the reader moves on (before the first batch, the
    // byte at 0, which is never read).
    private int _closedAt;
    private byte _closedByte;

    /// <summary>Initializes a new instance that pulls the body's bytes from <paramref name="read"/> (buffer, offset, count; 0 at its end).</summary>
    public JsonListReader(Func<byte[], int, int, CancellationToken, ValueTask<int>> read, string[] itemMembers, int maxItemSize)
    {
        _read = read;
        _itemMembers = itemMembers;
        _maxItemSize = maxItemSize;
        _envelopeWriter = new Utf8JsonWriter(_envelope);
    }

    private enum Phase
    {
        Root,
        Envelope,
        Items,
        End,
    }

    /// <summary>Gets a value indicating whether the body was a bare array (no envelope).</summary>
    public bool IsBareArray { get; private set; }

    /// <summary>
    /// Gets the next batch of items as one JSON array (valid until the next call), or an empty value after the last
    /// one. An item is handed out as soon as it is complete in the buffer.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>> NextAsync(CancellationToken cancellationToken)
    {
        _buffer[_closedAt] = _closedByte;
        while (true)
        {
            if (Step(out var item))
            {
                return item;
            }

            if (_phase == Phase.End)
            {
                return ReadOnlyMemory<byte>.Empty;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Gets a value indicating whether the envelope had its items array (<see langword="false"/> for a bare array).</summary>
    public bool SawItems { get; private set; }

    /// <summary>
    /// Gets the envelope without its items, as a JSON object (<see langword="null"/> for a bare array). Call after
    /// <see cref="NextAsync"/> returned the end.
    /// </summary>
    public ReadOnlyMemory<byte>? Rest()
    {
        if (IsBareArray)
        {
            return null;
        }

        _envelopeWriter.Flush();
        return new ReadOnlyMemory<byte>(_envelope.GetBuffer(), 0, (int)_envelope.Length);
    }

    public void Dispose()
    {
        _envelopeWriter.Dispose();
        _envelope.Dispose();
        if (Interlocked.Exchange(ref _buffer, []) is { Length: > 0 } buffer)
        {
            buffer.AsSpan(0, _end).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Moves over the buffered bytes by whole units (a token, an envelope member, an item) and commits each; returns
    /// <see langword="true"/> with an item, or <see langword="false"/> when more bytes are needed or the list ended.
    /// </summary>
    private bool Step(out ReadOnlyMemory<byte> item)
    {
        item = default;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        while (_phase != Phase.End)
        {
            switch (_phase)
            {
                case Phase.Root:
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        IsBareArray = true;
                        _phase = Phase.Items;
                    }
                    else if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        _envelopeWriter.WriteStartObject();
                        _phase = Phase.Envelope;
                    }
                    else
                    {
                        throw new JsonException("The list is neither a JSON array nor an object.");
                    }

                    Commit(ref reader);
                    break;

                case Phase.Envelope:
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        _envelopeWriter.WriteEndObject();
                        _phase = Phase.End;
                        break;
                    }

                    var name = PropertyName(ref reader);
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType == JsonTokenType.StartArray && !SawItems && IsItemMember(name))
                    {
                        SawItems = true;
                        _phase = Phase.Items;
                        Commit(ref reader);
                        break;
                    }

                    var valueStart = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip())
                    {
                        return false;
                    }

                    var value = _buffer.AsSpan(_start + valueStart, (int)reader.BytesConsumed - valueStart);
                    if (_envelopeWriter.BytesCommitted + _envelopeWriter.BytesPending + value.Length > _maxItemSize)
                    {
                        throw new Http.ResponseTooLargeException(_maxItemSize);
                    }

                    _envelopeWriter.WritePropertyName(name);
                    _envelopeWriter.WriteRawValue(value, skipInputValidation: true);
                    Commit(ref reader);
                    break;

                default:
                    var batchStart = -1;
                    var batchEnd = 0;
                    while (true)
                    {
                        var beforeItem = reader;
                        if (!reader.Read())
                        {
                            reader = beforeItem;
                            break;
                        }

                        if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            _phase = IsBareArray ? Phase.End : Phase.Envelope;
                            break;
                        }

                        var itemStart = (int)reader.TokenStartIndex;
                        if (!reader.TrySkip())
                        {
                            reader = beforeItem;
                            break;
                        }

                        batchStart = batchStart < 0 ? itemStart : batchStart;
                        batchEnd = (int)reader.BytesConsumed;
                    }

                    if (batchStart < 0)
                    {
                        if (_phase != Phase.Items)
                        {
                            Commit(ref reader);
                            break;
                        }

                        return false;
                    }

                    item = Batch(_start + batchStart, _start + batchEnd);
                    Commit(ref reader);
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The items between <paramref name="start"/> and <paramref name="end"/> (separated by commas) as a JSON array:
    /// the byte before them (a '[', ',' or white space already read) becomes '[', the byte after them ']' until the
    /// next call. The buffer always keeps one byte free before and after the unread bytes for this.
    /// </summary>
    private ReadOnlyMemory<byte> Batch(int start, int end)
    {
        _buffer[start - 1] = (byte)'[';
        _closedAt = end;
        _closedByte = _buffer[end];
        _buffer[end] = (byte)']';
        return new ReadOnlyMemory<byte>(_buffer, start - 1, end - start + 2);
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
    }

    private static string PropertyName(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            // A member name that is not valid UTF-16 (a lone surrogate escape).
            throw new JsonException(ex.Message, ex);
        }
    }

    private bool IsItemMember(string name)
    {
        foreach (var member in _itemMembers)
        {
            if (string.Equals(member, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_final)
        {
            // The reader asked for more than the whole body: it is cut short.
            throw new JsonException("The list ends before its closing bracket.");
        }

        // Move the unfinished unit to the front (one byte before it for a batch's '['); grow only when one unit fills
        // the whole buffer (but the byte kept free after it, for a batch's ']').
        var pending = _end - _start;
        if (pending > _maxItemSize)
        {
            throw new Http.ResponseTooLargeException(_maxItemSize);
        }

        _buffer.AsSpan(_start, pending).CopyTo(_buffer.AsSpan(1));
        _buffer.AsSpan(1 + pending, _end - (1 + pending)).Clear();
        _start = 1;
        _end = 1 + pending;

        if (_end >= _buffer.Length - 1)
        {
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, _maxItemSize + 3L));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            _buffer.AsSpan(0, _end).Clear();
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = await _read(_buffer, _end, _buffer.Length - 1 - _end, cancellationToken).ConfigureAwait(false);
        _end += read;
        _final = read == 0;
    }
}
