using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OAuthClients.Sdk;
using OAuthClients.Sdk.Models;

// A tiny consumer of the package as shipped (and, published with PublishAot, proof that it trims and compiles
// ahead of time without warnings). It talks to a one-shot loopback server and checks what it got, then writes the
// created client through its own source-generated JSON context, which must keep the secret redacted.
using var server = new OneShotServer();
var serve = server.ServeAsync("201 Created", """{ "id": "c1", "name": "Packaged", "redirectUris": ["https://app.example.com/cb"], "secret": "cs_live_0123456789abcdef" }""");

var services = new ServiceCollection();
services.AddOAuthClientsSdk(o =>
{
    o.BaseAddress = server.BaseAddress;
    o.Tenant = "acme";
}).AddOAuthClientsTokenProvider<ConsumerTokens>();
await using var provider = services.BuildServiceProvider();
var created = await provider.GetRequiredService<IOAuthClientsClient>()
    .CreateAsync(new CreateOAuthClientRequest { Name = "Packaged", RedirectUris = ["https://app.example.com/cb"] }, CancellationToken.None);
var sent = await serve;
var json = JsonSerializer.Serialize(created, ConsumerJson.Default.CreatedOAuthClient);

var ok = created.Client.Name == "Packaged" && created.Secret!.Reveal() == "cs_live_0123456789abcdef"
    && sent.StartsWith("POST /t/acme/api/v1/admin/oauth-clients ", StringComparison.Ordinal)
    && sent.Contains("Authorization: Bearer tok_package_consumer\r\n", StringComparison.Ordinal)
    && json.Contains("\"Secret\":\"cs_live_****\"", StringComparison.Ordinal) && !json.Contains("0123456789abcdef", StringComparison.Ordinal);
Console.WriteLine(ok ? $"Package consumer OK: created {created.Client.Id}, secret {created.Secret}, JSON {json.Length} chars, redacted" : $"Package consumer FAILED: {json}");
return ok ? 0 : 1;

/// <summary>A token provider created by DI (the trimmer must keep its constructor).</summary>
internal sealed class ConsumerTokens : IOAuthClientsTokenProvider
{
    public ValueTask<string> GetTokenAsync(string? refusedToken, CancellationToken cancellationToken) => new("tok_package_consumer");
}
