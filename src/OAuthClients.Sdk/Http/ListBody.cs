using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Dialects;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Http;

/// <summary>
/// One list response, read client by client as its body arrives (<see cref="JsonListReader"/> with the dialect's
/// <see cref="ListShape"/>: the clients of one buffer at a time), in memory bounded by
/// <see cref="OAuthClientsOptions.MaxResponseSize"/> per item. Whatever
/// goes wrong while reading becomes one of the contract's exceptions.
/// </summary>
internal sealed class ListBody : IDisposable
{
    private readonly ApiTransport _transport;
    private readonly ApiRequest _request;
    private readonly ApiResponse _response;
    private readonly ListShape _shape;
    private readonly JsonListReader _reader;
    private int _headRead;
    private readonly List<OAuthClient> _batch = [];
    private int _next;

    public ListBody(ApiTransport transport, ApiRequest request, ApiResponse response, ListShape shape, int maxItemSize)
    {
        _transport = transport;
        _request = request;
        _response = response;
        _shape = shape;
        _reader = new JsonListReader(ReadAsync, shape.ItemMembers, maxItemSize);
    }

    /// <summary>Gets the next client, skipping <c>null</c> entries; <see langword="null"/> after the last one.</summary>
    public async ValueTask<OAuthClient?> NextAsync(CancellationToken cancellationToken)
    {
        while (_next == _batch.Count)
        {
            ReadOnlyMemory<byte> items;
            try
            {
                items = await _reader.NextAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is JsonException or ResponseTooLargeException or TimeoutException or IOException or HttpRequestException)
            {
                throw _transport.ReadFailure(_request, _response, ex, []);
            }

            if (items.IsEmpty)
            {
                return null;
            }

            try
            {
                _batch.Clear();
                _next = 0;
                _shape.ReadItems(items.Span, _batch);
            }
            catch (JsonException ex)
            {
                throw _transport.ReadFailure(_request, _response, ex, items.ToArray());
            }
        }

        return _batch[_next++];
    }

    /// <summary>What the envelope says after <paramref name="count"/> clients of the page <paramref name="requested"/>; call after the last client.</summary>
    public ListEnd End(ListPage? requested, int count)
    {
        if (_reader.Rest() is not { } rest)
        {
            return ListEnd.Whole;
        }

        try
        {
            return _reader.SawItems
                ? _shape.ReadEnd(rest.Span, requested, count)
                : throw new JsonException($"The list has no '{string.Join("' or '", _shape.ItemMembers)}' array.");
        }
        catch (JsonException ex)
        {
            throw _transport.ReadFailure(_request, _response, ex, rest.ToArray());
        }
    }

    /// <summary>The exception that stops a listing whose server pages forever, saying why.</summary>
    public Exception Stop(string problem) => _transport.PagingFailure(_request, _response, problem);

    /// <summary>The body's bytes: first its head, read within the attempt (without a byte order mark), then the rest as it arrives.</summary>
    private ValueTask<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        var head = _response.Body.Span;
        if (_headRead < head.Length)
        {
            var length = Math.Min(count, head.Length - _headRead);
            head.Slice(_headRead, length).CopyTo(buffer.AsSpan(offset, length));
            _headRead += length;
            return new(length);
        }

        return _transport.ReadAsync(_response.Stream, buffer, offset, count, cancellationToken);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
