using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace OAuthClients.Sdk.Benchmarks.Fakes;

/// <summary>
/// Vendor-shaped UTF-8 response bodies, built once, with the members each provider's docs show (see
/// <c>shared/dialects/LUMOAUTH.md</c> and <c>CERBERUS.md</c>, and the fixtures of the test project). Every client of a
/// list is distinct, so nothing is interned or shared by accident.
/// </summary>
public static class Payloads
{
    /// <summary>The page size a LumoAuth list uses (the documented maximum of <c>limit</c>).</summary>
    public const int LumoAuthPageSize = 100;

    /// <summary>How many clients the "list 1,000" operation returns.</summary>
    public const int ListCount = 1000;

    public const string Tenant = "acme-corp";

    public const string ApiKey = "sk_live_3f9a7c1e5b2d4f6a8c0e1b3d5f7a9c2e";

    public const string ClientId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    /// <summary>The id of the Cerberus client that <c>GET /{id}</c> answers with (any id is answered with the same body).</summary>
    public const string CerberusFirstId = "cli_01h2xz9k3m4n5p6q7r8s000000";

    public const string LumoAuthSecret = "cs_live_Q2hhbmdlTWVQbGVhc2VJdHNBU2VjcmV0";

    public const string CerberusSecret = "secret_b7f3c2a1d9e84f60a5c3b2e1d0f9a8b7";

    public const string LumoAuthCollection = "/t/acme-corp/api/v1/admin/oauth-clients";

    public const string CerberusCollection = "/v1/admin/clients";

    public const string LumoAuthClientsCollection = "/t/acme-corp/api/v1/admin/clients";

    /// <summary>The numeric id of the client the <c>/admin/clients</c> API answers <c>GET /{id}</c> with.</summary>
    public const string LumoAuthClientsId = "41";

    /// <summary>The scopes of a client: the body of <c>GET /{id}/scopes</c>, and what <c>ReplaceScopes</c> sends.</summary>
    public static string[] Scopes { get; } = ["openid", "profile", "email", "offline_access"];

    /// <summary>Gets <c>GET /{id}</c> of <c>/admin/clients</c>: <c>{ "data": client }</c>, the full client.</summary>
    public static byte[] LumoAuthClientsGet { get; } = Build(w => Wrapped(w, () => WriteLumoAuthClientsClient(w, 0, full: true, secret: null), message: null));

    /// <summary>Gets the 201 of <c>/admin/clients</c>: <c>{ "data": client + secret, "message" }</c>.</summary>
    public static byte[] LumoAuthClientsCreated { get; } = Build(w => Wrapped(w, () => WriteLumoAuthClientsClient(w, 0, full: true, LumoAuthSecret), "OAuth client created successfully"));

    /// <summary>Gets the answer to <c>/enable</c> and <c>/disable</c>: <c>{ "data": summary, "message" }</c>.</summary>
    public static byte[] LumoAuthClientsActivated { get; } = Build(w => Wrapped(w, () => WriteLumoAuthClientsClient(w, 0, full: false, secret: null), "OAuth client enabled successfully"));

    /// <summary>Gets the answer to <c>GET /{id}/scopes</c>: <c>{ "data": [...] }</c>.</summary>
    public static byte[] LumoAuthClientsScopes { get; } = Build(w => Wrapped(w, () => WriteStrings(w, null, Scopes), message: null));

    /// <summary>Gets the answer to <c>PUT /{id}/scopes</c>: <c>{ "data": [...], "message" }</c>.</summary>
    public static byte[] LumoAuthClientsScopesSet { get; } = Build(w => Wrapped(w, () => WriteStrings(w, null, Scopes), "Client scopes updated successfully"));

    /// <summary>Gets a bare <c>{ "message" }</c> (LumoAuth's <c>DELETE /{id}/tokens</c>, Cerberus' <c>POST /{id}/revoke</c>).</summary>
    public static byte[] Message { get; } = "{\"message\":\"2 token(s) revoked successfully\"}"u8.ToArray();

    /// <summary>Gets the pages of a 1,000-client list of summaries, 100 per page (index 0 is page 1).</summary>
    public static byte[][] LumoAuthClientsListPages { get; } = BuildPages(ListCount, LumoAuthClientsPage);

    /// <summary>Gets the body of <c>GET /{id}</c>: the bare client object (seed shape).</summary>
    public static byte[] LumoAuthGet { get; } = Build(w => WriteLumoAuthClient(w, 0, secret: null));

    /// <summary>Gets the body of the 201 to <c>POST /</c>: the client object plus <c>secret</c>.</summary>
    public static byte[] LumoAuthCreated { get; } = Build(w => WriteLumoAuthClient(w, 0, LumoAuthSecret));

    /// <summary>Gets the pages of a 1,000-client list, 100 per page (index 0 is page 1).</summary>
    public static byte[][] LumoAuthListPages { get; } = BuildPages(ListCount, LumoAuthPage);

    public static byte[] CerberusGet { get; } = Build(w => WriteCerberusClient(w, 0, secret: null));

    public static byte[] CerberusCreated { get; } = Build(w => WriteCerberusClient(w, 0, CerberusSecret));

    /// <summary>Gets the documented list: every client at once, <c>{ "data": [...], "total": n }</c> (no server paging).</summary>
    public static byte[] CerberusList { get; } = Build(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("data");
        for (var i = 0; i < ListCount; i++)
        {
            WriteCerberusClient(w, i, secret: null);
        }

        w.WriteEndArray();
        w.WriteNumber("total", ListCount);
        w.WriteEndObject();
    });

    /// <summary>One page of a LumoAuth list of <paramref name="total"/> clients: <c>{ data, meta }</c>.</summary>
    public static byte[] LumoAuthPage(int page, int pageSize, int total) => Build(w =>
    {
        var pages = (total + pageSize - 1) / pageSize;
        w.WriteStartObject();
        w.WriteStartArray("data");
        for (var i = (page - 1) * pageSize; i < Math.Min(total, page * pageSize); i++)
        {
            WriteLumoAuthClient(w, i, secret: null);
        }

        w.WriteEndArray();
        w.WriteStartObject("meta");
        w.WriteNumber("total", total);
        w.WriteNumber("page", page);
        w.WriteNumber("limit", pageSize);
        w.WriteNumber("totalPages", pages);
        w.WriteBoolean("hasNextPage", page < pages);
        w.WriteBoolean("hasPreviousPage", page > 1);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>One Cerberus client object, as an unpaged list carries it.</summary>
    public static byte[] CerberusClient(int i) => Build(w => WriteCerberusClient(w, i, secret: null));

    /// <summary>One page of an <c>/admin/clients</c> list of <paramref name="total"/> summaries: <c>{ data, meta, pagination }</c>.</summary>
    public static byte[] LumoAuthClientsPage(int page, int pageSize, int total) => Build(w =>
    {
        var pages = (total + pageSize - 1) / pageSize;
        w.WriteStartObject();
        w.WriteStartArray("data");
        for (var i = (page - 1) * pageSize; i < Math.Min(total, page * pageSize); i++)
        {
            WriteLumoAuthClientsClient(w, i, full: false, secret: null);
        }

        w.WriteEndArray();
        foreach (var name in new[] { "meta", "pagination" })
        {
            w.WriteStartObject(name);
            w.WriteNumber("total", total);
            w.WriteNumber("page", page);
            w.WriteNumber("limit", pageSize);
            w.WriteNumber("totalPages", pages);
            w.WriteBoolean("hasNextPage", page < pages);
            w.WriteBoolean("hasPreviousPage", page > 1);
            w.WriteEndObject();
        }

        w.WriteString("resourceType", "clients");
        w.WriteEndObject();
    });

    /// <summary>One page of a Cerberus list in the generic paginated form: <c>{ data, total, page, limit, pages }</c>.</summary>
    public static byte[] CerberusPage(int page, int pageSize, int total) => Build(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("data");
        for (var i = (page - 1) * pageSize; i < Math.Min(total, page * pageSize); i++)
        {
            WriteCerberusClient(w, i, secret: null);
        }

        w.WriteEndArray();
        w.WriteNumber("total", total);
        w.WriteNumber("page", page);
        w.WriteNumber("limit", pageSize);
        w.WriteNumber("pages", (total + pageSize - 1) / pageSize);
        w.WriteEndObject();
    });

    /// <summary>The 1-based page a list request asks for: <c>page=N</c> in the query, 1 when there is none.</summary>
    public static int RequestedPage(string uri)
    {
        var at = uri.IndexOf("page=", StringComparison.Ordinal);
        if (at < 0)
        {
            return 1;
        }

        var start = at + 5;
        var end = start;
        while (end < uri.Length && char.IsAsciiDigit(uri[end]))
        {
            end++;
        }

        return int.Parse(uri.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static byte[][] BuildPages(int total, Func<int, int, int, byte[]> page)
    {
        var pages = new byte[(total + LumoAuthPageSize - 1) / LumoAuthPageSize][];
        for (var i = 0; i < pages.Length; i++)
        {
            pages[i] = page(i + 1, LumoAuthPageSize, total);
        }

        return pages;
    }

    private static void Wrapped(Utf8JsonWriter w, Action data, string? message)
    {
        w.WriteStartObject();
        w.WritePropertyName("data");
        data();
        if (message is not null)
        {
            w.WriteString("message", message);
        }

        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string? name, params string[] values)
    {
        if (name is null)
        {
            w.WriteStartArray();
        }
        else
        {
            w.WriteStartArray(name);
        }

        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    /// <summary>A client of <c>/admin/clients</c> as its OpenAPI spec and fixtures show it; lists carry the summary (no URIs, scopes or grants).</summary>
    private static void WriteLumoAuthClientsClient(Utf8JsonWriter w, int i, bool full, string? secret)
    {
        w.WriteStartObject();
        w.WriteNumber("id", 41 + i);
        w.WriteString("clientId", $"lmc_{i:D6}_9f8e7d6c5b4a");
        w.WriteString("name", $"Backend Service {i}");
        w.WriteBoolean("isConfidential", true);
        w.WriteBoolean("isPublic", false);
        w.WriteBoolean("isActive", true);
        w.WriteBoolean("requiresPkce", true);
        w.WriteString("createdAt", "2026-01-05T10:00:00+00:00");
        if (full)
        {
            WriteStrings(w, "redirectUris", $"https://app{i}.example.com/oauth/callback", $"https://app{i}.example.com/oauth/silent-renew");
            WriteStrings(w, "scopes", Scopes);
            WriteStrings(w, "grantTypes", "authorization_code", "refresh_token");
        }

        if (secret is not null)
        {
            w.WriteString("secret", secret);
        }

        w.WriteEndObject();
    }

    private static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Id(int i) => i == 0 ? ClientId : $"{i:x8}-7425-40de-944b-e07fc1f90ae7";

    private static void WriteLumoAuthClient(Utf8JsonWriter w, int i, string? secret)
    {
        w.WriteStartObject();
        w.WriteString("id", Id(i));
        w.WriteString("clientId", $"lmc_{i:D6}_9f8e7d6c5b4a");
        w.WriteString("name", $"Backend Service {i}");
        w.WriteString("description", "Server-side integration for the billing pipeline");
        w.WriteBoolean("isConfidential", true);
        w.WriteStartArray("redirectUris");
        w.WriteStringValue($"https://app{i}.example.com/oauth/callback");
        w.WriteStringValue($"https://app{i}.example.com/oauth/silent-renew");
        w.WriteEndArray();
        w.WriteStartArray("allowedScopes");
        w.WriteStringValue("openid");
        w.WriteStringValue("profile");
        w.WriteStringValue("email");
        w.WriteStringValue("offline_access");
        w.WriteEndArray();
        w.WriteStartArray("grantTypes");
        w.WriteStringValue("authorization_code");
        w.WriteStringValue("refresh_token");
        w.WriteEndArray();
        w.WriteBoolean("isActive", true);
        w.WriteNumber("accessTokenLifetime", 3600);
        w.WriteNumber("refreshTokenLifetime", 2592000);
        w.WriteString("createdAt", "2025-01-15T12:00:00Z");
        w.WriteBoolean("requiresPkce", true);
        if (secret is not null)
        {
            w.WriteString("secret", secret);
        }

        w.WriteEndObject();
    }

    private static void WriteCerberusClient(Utf8JsonWriter w, int i, string? secret)
    {
        w.WriteStartObject();
        w.WriteString("id", $"cli_01h2xz9k3m4n5p6q7r8s{i:D6}");
        w.WriteString("clientId", $"cerberus_cli_{i:D6}");
        if (secret is not null)
        {
            w.WriteString("clientSecret", secret);
        }

        w.WriteString("name", $"Web Dashboard {i}");
        w.WriteString("description", "Main web application dashboard");
        w.WriteString("clientType", "confidential");
        w.WriteStartArray("redirectUris");
        w.WriteStringValue($"https://app{i}.example.com/callback");
        w.WriteEndArray();
        w.WriteStartArray("allowedOrigins");
        w.WriteStringValue($"https://app{i}.example.com");
        w.WriteEndArray();
        w.WriteStartArray("scopes");
        w.WriteStringValue("openid");
        w.WriteStringValue("profile");
        w.WriteStringValue("email");
        w.WriteStringValue("offline_access");
        w.WriteEndArray();
        w.WriteStartArray("grantTypes");
        w.WriteStringValue("authorization_code");
        w.WriteStringValue("refresh_token");
        w.WriteEndArray();
        w.WriteBoolean("requirePkce", false);
        w.WriteBoolean("requireConsent", false);
        w.WriteBoolean("isFirstParty", true);
        w.WriteBoolean("isActive", true);
        w.WriteNumber("accessTokenLifetime", 3600);
        w.WriteNumber("refreshTokenLifetime", 2592000);
        w.WriteNumber("idTokenLifetime", 3600);
        w.WriteString("tokenEndpointAuthMethod", "client_secret_basic");
        w.WriteString("createdAt", "2025-10-26T12:00:00.000Z");
        w.WriteString("updatedAt", "2025-10-26T12:00:00.000Z");
        w.WriteEndObject();
    }
}
