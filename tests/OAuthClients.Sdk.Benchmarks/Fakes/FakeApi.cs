using System;
using System.Collections.Generic;

namespace OAuthClients.Sdk.Benchmarks.Fakes;

/// <summary>A canned answer: status, UTF-8 JSON body, and the provider's usual response headers.</summary>
public readonly record struct CannedResponse(int Status, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers);

/// <summary>
/// The routes of one provider's admin API over canned bodies, shared by the in-memory handler and the loopback
/// server so that both answer the same bytes. Routing is a few ordinal string checks on the request URI, the same
/// for every implementation under test.
/// </summary>
public sealed class FakeApi
{
    private static readonly KeyValuePair<string, string>[] LumoAuthHeaders =
    [
        new("X-RateLimit-Limit", "1000"),
        new("X-RateLimit-Remaining", "998"),
        new("X-RateLimit-Reset", "1767225600"),
    ];

    private static readonly KeyValuePair<string, string>[] CerberusHeaders =
    [
        new("X-Request-Id", "req_01jd4k2m9q8w7e6r5t4y3u2i1o"),
    ];

    private static readonly byte[] NotFound = "{\"error\":true,\"message\":\"Not found\",\"status\":404}"u8.ToArray();

    private readonly Func<int, byte[]> _listPage;
    private readonly KeyValuePair<string, string>[] _headers;
    private readonly string _collection;
    private readonly byte[] _get;
    private readonly byte[] _created;

    private FakeApi(Surface surface, Func<int, byte[]> listPage)
    {
        Surface = surface;
        _listPage = listPage;
        _collection = surface.Collection();
        (_get, _created, _headers) = surface switch
        {
            Surface.LumoAuth => (Payloads.LumoAuthGet, Payloads.LumoAuthCreated, LumoAuthHeaders),
            Surface.LumoAuthClients => (Payloads.LumoAuthClientsGet, Payloads.LumoAuthClientsCreated, LumoAuthHeaders),
            _ => (Payloads.CerberusGet, Payloads.CerberusCreated, CerberusHeaders),
        };
    }

    public Surface Surface { get; }

    public OAuthDialect Dialect => Surface.Dialect();

    /// <summary>The surface with the canned bodies: a 1,000-client list in pages of 100 (LumoAuth), or the documented unpaged list of 1,000 clients (Cerberus).</summary>
    public static FakeApi For(Surface surface) => new(surface, surface switch
    {
        Surface.LumoAuth => page => Payloads.LumoAuthListPages[page - 1],
        Surface.LumoAuthClients => page => Payloads.LumoAuthClientsListPages[page - 1],
        _ => page => page == 1 ? Payloads.CerberusList : throw new InvalidOperationException("The Cerberus list is not paged."),
    });

    /// <summary>A list of <paramref name="total"/> clients in pages of <paramref name="pageSize"/>, each page built when asked for.</summary>
    public static FakeApi Paged(Surface surface, int total, int pageSize) => new(surface, surface switch
    {
        Surface.LumoAuth => page => Payloads.LumoAuthPage(page, pageSize, total),
        Surface.LumoAuthClients => page => Payloads.LumoAuthClientsPage(page, pageSize, total),
        _ => page => Payloads.CerberusPage(page, pageSize, total),
    });

    /// <summary>A list whose pages <paramref name="listPage"/> makes (1-based page number to body).</summary>
    public static FakeApi Custom(Surface surface, Func<int, byte[]> listPage) => new(surface, listPage);

    /// <summary>Answers <paramref name="method"/> on <paramref name="uri"/> (absolute, or path and query).</summary>
    public CannedResponse Route(string method, string uri)
    {
        var at = uri.IndexOf(_collection, StringComparison.Ordinal);
        if (at < 0)
        {
            return new(404, NotFound, _headers);
        }

        var rest = uri.AsSpan(at + _collection.Length);
        var query = rest.IndexOf('?');
        var path = (query < 0 ? rest : rest[..query]).TrimEnd('/');
        if (path.IsEmpty)
        {
            return method switch
            {
                "POST" => new(201, _created, _headers),
                "GET" => new(200, _listPage(Payloads.RequestedPage(uri)), _headers),
                _ => new(404, NotFound, _headers),
            };
        }

        // "/{id}" or "/{id}/{action}"; matched without allocating, as the fake's cost is shared by every implementation.
        var slash = path[1..].IndexOf('/');
        var action = slash < 0 ? ReadOnlySpan<char>.Empty : path[(slash + 2)..];
        var body = method switch
        {
            "GET" or "PUT" or "PATCH" when action.IsEmpty => _get,
            "GET" when action.SequenceEqual("scopes") => Payloads.LumoAuthClientsScopes,
            "PUT" when action.SequenceEqual("scopes") => Payloads.LumoAuthClientsScopesSet,
            "POST" when action.SequenceEqual("enable") || action.SequenceEqual("disable") => Payloads.LumoAuthClientsActivated,
            "DELETE" when action.SequenceEqual("tokens") => Payloads.Message,
            "POST" when action.SequenceEqual("revoke") => Payloads.Message,
            _ => null,
        };
        return body is null ? new(404, NotFound, _headers) : new(200, body, _headers);
    }
}
