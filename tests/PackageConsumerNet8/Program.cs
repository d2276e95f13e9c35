using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OAuthClients.Sdk;
using OAuthClients.Sdk.Models;

// A net8.0 app on the 8.0 stack (pinned in the project file) using the package as shipped: two named providers bound
// from appsettings-style JSON, one with an empty placeholder credential, a create against a one-shot loopback server,
// and the created client written through the app's own source-generated JSON context.
using var server = new OneShotServer();
var serve = server.ServeAsync("201 Created", """{ "id": "c8", "name": "Net8", "redirectUris": ["https://app.example.com/cb"], "secret": "cs_live_0123456789abcdef" }""");
var appsettings = $$"""
{
  "OAuthClients": {
    "Lumo": { "BaseAddress": "{{server.BaseAddress}}", "Tenant": "acme", "ApiKey": "sk_net8", "ClientCredentials": { "ClientId": "", "ClientSecret": "" } },
    "Cerberus": { "Dialect": "Cerberus", "BaseAddress": "https://iam.example.com", "ApiKey": "", "SessionCookie": "session_value" }
  }
}
""";
var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(appsettings))).Build();

var services = new ServiceCollection();
services.AddOAuthClientsSdk("lumo", configuration.GetSection("OAuthClients:Lumo"));
services.AddOAuthClientsSdk("cerberus", configuration.GetSection("OAuthClients:Cerberus"));
await using var provider = services.BuildServiceProvider();
var factory = provider.GetRequiredService<IOAuthClientsClientFactory>();
_ = factory.CreateClient("cerberus");
var created = await factory.CreateClient("lumo")
    .CreateAsync(new CreateOAuthClientRequest { Name = "Net8", RedirectUris = ["https://app.example.com/cb"] }, CancellationToken.None);
var sent = await serve;
var json = JsonSerializer.Serialize(created, ConsumerJson.Default.CreatedOAuthClient);
var httpVersion = typeof(HttpClientFactoryServiceCollectionExtensions).Assembly.GetName().Version!;

var ok = Environment.Version.Major == 8 && httpVersion.Major == 8
    && created.Client.Id == "c8" && created.Secret!.Reveal() == "cs_live_0123456789abcdef"
    && sent.Contains("Authorization: Bearer sk_net8\r\n", StringComparison.Ordinal)
    && json.Contains("\"Secret\":\"cs_live_****\"", StringComparison.Ordinal) && !json.Contains("0123456789abcdef", StringComparison.Ordinal);
Console.WriteLine(ok
    ? $"net8.0 package consumer OK: .NET {Environment.Version}, Microsoft.Extensions.Http {httpVersion}, created {created.Client.Id}, secret {created.Secret}"
    : $"net8.0 package consumer FAILED: .NET {Environment.Version}, Microsoft.Extensions.Http {httpVersion}, JSON {json}");
return ok ? 0 : 1;
