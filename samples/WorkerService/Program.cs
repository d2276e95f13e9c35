using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OAuthClients.Sdk;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Testing;
using WorkerService;

var builder = Host.CreateApplicationBuilder(args);
var section = builder.Configuration.GetSection("OAuthClients");

// No BaseAddress configured: run against an in-process fake server, seeded with a few clients, and treat every
// confidential client as due so that the demo has something to do.
using var fake = string.IsNullOrEmpty(section["BaseAddress"])
    ? FakeOAuthClientsServer.Start(Enum.Parse<OAuthDialect>(section["Dialect"] ?? nameof(OAuthDialect.Cerberus), ignoreCase: true))
    : null;
if (fake is not null)
{
    var demo = fake.CreateOptions();
    section["BaseAddress"] = demo.BaseAddress!.AbsoluteUri;
    section["Tenant"] = demo.Tenant;
    section["ApiKey"] = demo.ApiKey;
    builder.Configuration["SecretRotation:MaxSecretAge"] = "00:00:00";
    var seeding = new OAuthClientsClient(demo);
    foreach (var (name, confidential) in new[] { ("Billing API", true), ("Reporting job", true), ("Customer SPA", false) })
    {
        await seeding.CreateAsync(new CreateOAuthClientRequest { Name = name, IsConfidential = confidential, RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] });
    }
}

builder.Services.AddOAuthClientsSdk(section);
builder.Services.Configure<SecretRotationOptions>(builder.Configuration.GetSection("SecretRotation"));
builder.Services.AddSingleton<ISecretSink, ConsoleSecretSink>();
builder.Services.AddHostedService<SecretRotationWorker>();

await builder.Build().RunAsync();
