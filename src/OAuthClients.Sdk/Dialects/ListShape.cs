using System;
using System.Collections.Generic;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Dialects;

/// <summary>
/// How a dialect's list bodies plug into the shared streaming reader (<see cref="JsonListReader"/>): the envelope
/// members that may hold the items, how one item is read, and what the rest of the envelope says about paging. A new
/// list shape is a new <see cref="ListShape"/>; the streaming, limits and enumeration guard stay shared.
/// </summary>
/// <param name="ItemMembers">The envelope members that may hold the items array (<c>data</c>, <c>clients</c>); matched case-insensitively.</param>
/// <param name="ReadItems">Reads a batch of items (a JSON array) into a list, skipping <c>null</c> entries. Throws <see cref="System.Text.Json.JsonException"/> for the wrong shape.</param>
/// <param name="ReadEnd">Reads the envelope without its items (a JSON object) after <c>count</c> items of the page <c>requested</c> were read.</param>
internal sealed record ListShape(string[] ItemMembers, ListShape.ItemsReader ReadItems, ListShape.EndReader ReadEnd)
{
    /// <summary>Adds a batch of a list's items to <paramref name="clients"/> (one list for every batch of a body, so it grows once).</summary>
    public delegate void ItemsReader(ReadOnlySpan<byte> items, List<OAuthClient> clients);

    /// <summary>Reads what an envelope says after its items: the next page, and the bounds the server reported.</summary>
    public delegate ListEnd EndReader(ReadOnlySpan<byte> envelope, ListPage? requested, int count);
}
