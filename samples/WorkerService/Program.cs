using System;
using System.IO;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OAuthClients.Sdk;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Rotation;
using OAuthClients.Sdk.Secrets;
using OAuthClients.Sdk.Testing;
using WorkerService;

var builder = Host.CreateApplicationBuilder(args);
var section = builder.Configuration.GetSection("OAuthClients");

// No BaseAddress configured: run against an in-process fake provider seeded with a few clients, keep the ledger and
// the secret files in a temporary directory, and treat every confidential client as due so the demo has work to do.
using var fake = string.IsNullOrEmpty(section["BaseAddress"])
    ? FakeOAuthClientsServer.Start(Enum.Parse<OAuthDialect>(section["Dialect"] ?? nameof(OAuthDialect.Cerberus), ignoreCase: true))
    : null;
string? work = null;
if (fake is not null)
{
    var demo = fake.CreateOptions();
    section["BaseAddress"] = demo.BaseAddress!.AbsoluteUri;
    section["Tenant"] = demo.Tenant;
    if (builder.Configuration["Demo:Credential"] == "Login")
    {
        // Cerberus login mode: the SDK logs the fake's service account in, renews the session and logs out on stop.
        var login = fake.CreateLoginOptions().Login!;
        section["Login:Email"] = login.Email;
        section["Login:Password"] = login.Password;
    }
    else
    {
        section["ApiKey"] = demo.ApiKey;
    }
    work = Directory.CreateTempSubdirectory("oauthclients-worker-demo-").FullName;
    builder.Configuration["SecretFiles:Directory"] = Path.Combine(work, "secrets");
    if (builder.Configuration["SecretRotation:Ledger"] != nameof(LedgerProvider.PostgreSql))
    {
        builder.Configuration["SecretRotation:ConnectionString"] = $"Data Source={Path.Combine(work, "rotation.db")}";
    }

    builder.Configuration["SecretRotation:MaxSecretAge"] = "00:00:00.001";
    var seeding = new OAuthClientsClient(demo);
    foreach (var (name, confidential) in new[] { ("Billing API", true), ("Reporting job", true), ("Customer SPA", false) })
    {
        await seeding.CreateAsync(new CreateOAuthClientRequest
        {
            Name = name,
            IsConfidential = confidential,
            RedirectUris = ["https://app.example.com/cb"],
            AllowedScopes = ["openid"],
            GrantTypes = confidential ? ["client_credentials"] : null,
        });
    }
}

// The clients to rotate, the rotation service (SQLite ledger by default; see appsettings.json for PostgreSQL), where new
// secrets go, and the health check.
builder.Services.AddOAuthClientsSdk(section);
builder.Services.AddSecretRotation(builder.Configuration.GetSection("SecretRotation"));
builder.Services.AddFileSecretStore(builder.Configuration["SecretFiles:Directory"] ?? "secrets");
if (builder.Configuration["KeyVault:VaultUri"] is { Length: > 0 } vaultUri)
{
    builder.Services.AddSingleton<ISecretStore>(new KeyVaultSecretStore(new SecretClient(new Uri(vaultUri), new DefaultAzureCredential())));
}

builder.Services.AddHealthChecks().AddSecretRotation();

await builder.Build().RunAsync();

if (work is not null)
{
    Console.WriteLine($"Demo: {Directory.GetFiles(Path.Combine(work, "secrets")).Length} new secret(s) delivered to the file store (removed now).");
    Directory.Delete(work, recursive: true);
}
