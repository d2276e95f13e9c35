using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Testing;

namespace OAuthClients.Sdk.Rotation.Tests.Infrastructure;

/// <summary>Seeds a fake provider with clients, and counts its rotate requests.</summary>
public static class Provider
{
    public static async Task<IReadOnlyList<OAuthClient>> SeedAsync(FakeOAuthClientsServer server, int confidential, int publicClients = 0)
    {
        var admin = new OAuthClientsClient(server.CreateOptions());
        var created = new List<OAuthClient>();
        for (var i = 0; i < confidential + publicClients; i++)
        {
            var result = await admin.CreateAsync(new CreateOAuthClientRequest
            {
                Name = $"Client {i}",
                IsConfidential = i < confidential,
                RedirectUris = ["https://app.example.com/cb"],
                AllowedScopes = ["openid"],
                GrantTypes = server.Dialect == OAuthDialect.Cerberus && i < confidential ? ["client_credentials"] : null,
            });
            created.Add(result.Client);
        }

        return created;
    }

    /// <summary>Fake time 100 days after now, in whole seconds as the ledger keeps it: every seeded client is older than the default 90 days.</summary>
    public static FakeTimeProvider TimeWhenAllAreDue() => new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(100).ToUnixTimeSeconds()));

    public static int RotateRequests(FakeOAuthClientsServer server, string id) =>
        server.Requests.Count(r => r.Method == "POST" && (r.Path.EndsWith($"/{id}/secret", StringComparison.Ordinal) || r.Path.EndsWith($"/{id}/rotate-secret", StringComparison.Ordinal)));
}
