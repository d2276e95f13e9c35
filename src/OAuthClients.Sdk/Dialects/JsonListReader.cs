using System;
using System.Buffers;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Dialects;

/// <summary>
/// Reads a list body item by item as it arrives, in memory bounded by the largest item rather than by the list: a
/// top-level array, or an object (the envelope) one of whose members (<see cref="ListShape.ItemMembers"/>) is the
/// array of items. The envelope's other members (paging, totals) are kept as a small JSON object for the dialect to
/// read at the end. A <see cref="Utf8JsonReader"/> loop over a pooled buffer, which is cleared before it goes back.
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
    private int _start;
    private int _end;
    private bool _final;
    private bool _first = true;
    private JsonReaderState _state;
    private Phase _phase;
    private bool _sawItems;

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
    /// Gets the next item's JSON (valid until the next call), or an empty value after the last one. Only the
    /// item's bytes are read ahead, and whatever of the next one arrived with them.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            bool found;
            ReadOnlyMemory<byte> item;
            try
            {
                found = Step(out item);
            }
            catch (InvalidOperationException ex)
            {
                // A member name that is not valid UTF-16 (a lone surrogate escape).
                throw new JsonException(ex.Message, ex);
            }

            if (found)
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

    /// <summary>
    /// Gets the envelope without its items, as a JSON object (<see langword="null"/> for a bare array), and whether
    /// the items array was there. Call after <see cref="NextAsync"/> returned the end.
    /// </summary>
    public (ReadOnlyMemory<byte>? Envelope, bool SawItems) Rest()
    {
        if (IsBareArray)
        {
            return (null, true);
        }

        _envelopeWriter.Flush();
        return (new ReadOnlyMemory<byte>(_envelope.GetBuffer(), 0, (int)_envelope.Length), _sawItems);
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
        while (true)
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
                        Commit(ref reader);
                        return false;
                    }

                    var name = reader.GetString()!;
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType == JsonTokenType.StartArray && !_sawItems && IsItemMember(name))
                    {
                        _sawItems = true;
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

                case Phase.Items:
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        _phase = IsBareArray ? Phase.End : Phase.Envelope;
                        Commit(ref reader);
                        break;
                    }

                    var itemStart = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip())
                    {
                        return false;
                    }

                    item = new ReadOnlyMemory<byte>(_buffer, _start + itemStart, (int)reader.BytesConsumed - itemStart);
                    Commit(ref reader);
                    return true;

                default:
                    return false;
            }
        }
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
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

        // Keep the unfinished unit, at the front; grow only when one unit fills the whole buffer.
        var pending = _end - _start;
        if (pending > _maxItemSize)
        {
            throw new Http.ResponseTooLargeException(_maxItemSize);
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            _buffer.AsSpan(pending, _end - pending).Clear();
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, _maxItemSize + 1L));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            _buffer.AsSpan(0, _end).Clear();
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = await _read(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _final = true;
            return;
        }

        _end += read;
        if (_first)
        {
            _first = false;
            if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            {
                _start = 3;
            }
        }
    }
}
