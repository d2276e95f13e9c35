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

    private readonly string _collection;
    private readonly byte[] _get;
    private readonly byte[] _created;
    private readonly Func<int, byte[]> _listPage;
    private readonly KeyValuePair<string, string>[] _headers;

    private FakeApi(OAuthDialect dialect, string collection, byte[] get, byte[] created, Func<int, byte[]> listPage, KeyValuePair<string, string>[] headers)
    {
        Dialect = dialect;
        _collection = collection;
        _get = get;
        _created = created;
        _listPage = listPage;
        _headers = headers;
    }

    public OAuthDialect Dialect { get; }

    /// <summary>LumoAuth with the canned bodies: a 1,000-client list in pages of 100.</summary>
    public static FakeApi LumoAuth() => new(
        OAuthDialect.LumoAuth,
        Payloads.LumoAuthCollection,
        Payloads.LumoAuthGet,
        Payloads.LumoAuthCreated,
        page => Payloads.LumoAuthListPages[page - 1],
        LumoAuthHeaders);

    /// <summary>Cerberus with the canned bodies: the documented unpaged list of 1,000 clients.</summary>
    public static FakeApi Cerberus() => new(
        OAuthDialect.Cerberus,
        Payloads.CerberusCollection,
        Payloads.CerberusGet,
        Payloads.CerberusCreated,
        page => page == 1 ? Payloads.CerberusList : throw new InvalidOperationException("The Cerberus list is not paged."),
        CerberusHeaders);

    public static FakeApi For(OAuthDialect dialect) => dialect == OAuthDialect.LumoAuth ? LumoAuth() : Cerberus();

    /// <summary>A list of <paramref name="total"/> clients in pages of <paramref name="pageSize"/>, each page built when asked for.</summary>
    public static FakeApi Paged(OAuthDialect dialect, int total, int pageSize) => dialect == OAuthDialect.LumoAuth
        ? new(dialect, Payloads.LumoAuthCollection, Payloads.LumoAuthGet, Payloads.LumoAuthCreated, page => Payloads.LumoAuthPage(page, pageSize, total), LumoAuthHeaders)
        : new(dialect, Payloads.CerberusCollection, Payloads.CerberusGet, Payloads.CerberusCreated, page => Payloads.CerberusPage(page, pageSize, total), CerberusHeaders);

    /// <summary>A list whose pages <paramref name="listPage"/> makes (1-based page number to body).</summary>
    public static FakeApi Custom(OAuthDialect dialect, Func<int, byte[]> listPage) => dialect == OAuthDialect.LumoAuth
        ? new(dialect, Payloads.LumoAuthCollection, Payloads.LumoAuthGet, Payloads.LumoAuthCreated, listPage, LumoAuthHeaders)
        : new(dialect, Payloads.CerberusCollection, Payloads.CerberusGet, Payloads.CerberusCreated, listPage, CerberusHeaders);

    /// <summary>Answers <paramref name="method"/> on <paramref name="uri"/> (absolute, or path and query).</summary>
    public CannedResponse Route(string method, string uri)
    {
        var at = uri.IndexOf(_collection, StringComparison.Ordinal);
        if (at < 0)
        {
            return new(404, NotFound, _headers);
        }

        var rest = uri.AsSpan(at + _collection.Length);
        var isCollection = rest.IsEmpty || rest[0] == '?' || rest.StartsWith("/?") || rest.SequenceEqual("/");
        if (method == "POST" && isCollection)
        {
            return new(201, _created, _headers);
        }

        if (method == "GET")
        {
            return isCollection ? new(200, _listPage(Payloads.RequestedPage(uri)), _headers) : new(200, _get, _headers);
        }

        return new(404, NotFound, _headers);
    }
}
