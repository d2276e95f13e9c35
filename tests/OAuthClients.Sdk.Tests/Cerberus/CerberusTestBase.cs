using System;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.Cerberus;

/// <summary>
/// Cerberus clients (API key or session mode, organisation <c>acme-corp</c>) against a fresh WireMock server. Retries
/// are off: these tests pin what one exchange sends and makes of one answer; retries are tested with fake time.
/// </summary>
public abstract class CerberusTestBase : IClassFixture<LoopbackServer>
{
    protected const string ApiKey = "cerb_key_live_0123456789abcdef";
    protected const string SessionCookie = "sess_9f8e7d6c5b4a3928";
    protected const string Collection = "/v1/admin/clients";

    protected CerberusTestBase(LoopbackServer server)
    {
        Server = server;
        server.Server.Reset();
    }

    protected LoopbackServer Server { get; }

    protected OAuthClientsOptions ApiKeyOptions() => new()
    {
        Dialect = OAuthDialect.Cerberus,
        BaseAddress = Server.BaseAddress,
        Tenant = "acme-corp",
        ApiKey = ApiKey,
        Timeout = TimeSpan.FromSeconds(10),
        MaxRetries = 0,
    };

    protected OAuthClientsOptions SessionOptions(string? csrfToken = null) => new()
    {
        Dialect = OAuthDialect.Cerberus,
        BaseAddress = Server.BaseAddress,
        Tenant = "acme-corp",
        SessionCookie = SessionCookie,
        CsrfToken = csrfToken,
        Timeout = TimeSpan.FromSeconds(10),
        MaxRetries = 0,
    };
}
