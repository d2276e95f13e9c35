using System;
using OAuthClients.Sdk;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using QuickStart;

// The whole lifecycle of an OAuth client against an in-process fake LumoAuth server on 127.0.0.1.
// Point BaseAddress, Tenant and ApiKey at a real deployment to run the same steps for real.
using var fake = FakeLumoAuthServer.Start(tenant: "acme-corp", apiKey: "sk_live_quickstart_demo_key");

var client = new OAuthClientsClient(new OAuthClientsOptions
{
    Dialect = OAuthDialect.LumoAuth,
    BaseAddress = fake.BaseAddress,
    Tenant = "acme-corp",
    ApiKey = "sk_live_quickstart_demo_key",
});

try
{
    Console.WriteLine($"LumoAuth fake server at {fake.BaseAddress}");

    var created = await client.CreateAsync(new CreateOAuthClientRequest
    {
        Name = "Backend Service",
        RedirectUris = ["https://api.example.com/callback"],
        GrantTypes = ["client_credentials"],
        AllowedScopes = ["admin.read", "admin.write"],
    });
    Console.WriteLine($"1. Created '{created.Client.Name}' (id {created.Client.Id}), secret {created.Secret}");
    Console.WriteLine("   The secret prints redacted; call Secret.Reveal() once to hand it to your secret store.");

    var spa = await client.CreateAsync(new CreateOAuthClientRequest
    {
        Name = "React Dashboard",
        IsConfidential = false,
        RedirectUris = ["http://localhost:3000/callback"],
        RequirePkce = true,
    });
    Console.WriteLine($"2. Created public client '{spa.Client.Name}' (id {spa.Client.Id}), secret: {(spa.Secret is null ? "none (public client)" : spa.Secret)}");

    Console.WriteLine("3. Listed:");
    await foreach (var each in client.ListAsync())
    {
        Console.WriteLine($"   - {each.Id}  {each.Name}  confidential={each.IsConfidential}  redirects={string.Join(", ", each.RedirectUris)}");
    }

    var fetched = await client.GetAsync(created.Client.Id);
    Console.WriteLine($"4. Got '{fetched.Name}': scopes {string.Join(" ", fetched.AllowedScopes)}, access tokens live {fetched.AccessTokenLifetime}");

    var updated = await client.UpdateAsync(created.Client.Id, new UpdateOAuthClientRequest
    {
        RedirectUris = ["https://api.example.com/callback", "https://api.example.com/callback2"],
    });
    Console.WriteLine($"5. Updated redirect URIs: {string.Join(", ", updated.RedirectUris)}");

    var rotated = await client.RotateSecretAsync(created.Client.Id);
    Console.WriteLine($"6. Rotated the secret: {rotated} (the old one no longer works)");

    await client.DeleteAsync(created.Client.Id);
    await client.DeleteAsync(spa.Client.Id);
    Console.WriteLine("7. Deleted both clients.");

    try
    {
        await client.GetAsync(created.Client.Id);
        throw new InvalidOperationException("The deleted client is still there.");
    }
    catch (OAuthClientNotFoundException ex)
    {
        Console.WriteLine($"8. Getting it again fails as expected: {(int)ex.StatusCode} {ex.ErrorCode}");
    }

    Console.WriteLine("Done.");
    return 0;
}
catch (Exception ex) when (ex is OAuthClientsApiException or TimeoutException or InvalidOperationException)
{
    Console.Error.WriteLine($"QuickStart failed: {ex.Message}");
    return 1;
}
