using System;
using OAuthClients.Sdk.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Tests.LumoAuth;

/// <summary>A LumoAuth client for tenant <c>acme-corp</c> against a fresh, empty WireMock server.</summary>
public abstract class LumoAuthTestBase : IClassFixture<LoopbackServer>
{
    protected const string ApiKey = "sk_live_test_api_key_0123456789";
    protected const string Collection = "/t/acme-corp/api/v1/admin/oauth-clients";

    protected LumoAuthTestBase(LoopbackServer server)
    {
        Server = server;
        server.Server.Reset();
        Sut = new OAuthClientsClient(Options());
    }

    protected LoopbackServer Server { get; }

    protected OAuthClientsClient Sut { get; }

    protected OAuthClientsOptions Options() => new()
    {
        Dialect = OAuthDialect.LumoAuth,
        BaseAddress = Server.BaseAddress,
        Tenant = "acme-corp",
        ApiKey = ApiKey,
        Timeout = TimeSpan.FromSeconds(10),

        // These tests pin what one exchange sends and makes of one answer; retries are tested with fake time.
        MaxRetries = 0,
    };
}
