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

    /// <summary>Gets the body of <c>GET /{id}</c>: the bare client object (seed shape).</summary>
    public static byte[] LumoAuthGet { get; } = Build(w => WriteLumoAuthClient(w, 0, secret: null));

    /// <summary>Gets the body of the 201 to <c>POST /</c>: the client object plus <c>secret</c>.</summary>
    public static byte[] LumoAuthCreated { get; } = Build(w => WriteLumoAuthClient(w, 0, LumoAuthSecret));

    /// <summary>Gets the pages of a 1,000-client list, 100 per page (index 0 is page 1).</summary>
    public static byte[][] LumoAuthListPages { get; } = BuildLumoAuthPages(ListCount);

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

    private static byte[][] BuildLumoAuthPages(int total)
    {
        var pages = new byte[(total + LumoAuthPageSize - 1) / LumoAuthPageSize][];
        for (var i = 0; i < pages.Length; i++)
        {
            pages[i] = LumoAuthPage(i + 1, LumoAuthPageSize, total);
        }

        return pages;
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
