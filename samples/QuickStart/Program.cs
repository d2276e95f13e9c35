using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using OAuthClients.Sdk;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Testing;

// With no arguments: the whole lifecycle for both dialects, each against an in-process fake server on 127.0.0.1.
// With --lumoauth-api Clients alone: the same against a fake of LumoAuth's current /admin/clients API.
// With --dialect, --base-address and --tenant (and the key in OAUTHCLIENTS_API_KEY): the same steps for real; add
// --lumoauth-api Clients for a LumoAuth tenant that follows LumoAuth's admin docs (X-API-Key, /admin/clients).
const string KeyVariable = "OAUTHCLIENTS_API_KEY";

try
{
    if (args.Length == 0)
    {
        foreach (var dialect in new[] { OAuthDialect.LumoAuth, OAuthDialect.Cerberus })
        {
            using var fake = FakeOAuthClientsServer.Start(dialect);
            Console.WriteLine($"== {dialect}, against a fake server at {fake.BaseAddress}");
            await Lifecycle(new OAuthClientsClient(fake.CreateOptions()));
        }
    }
    else if (args is ["--lumoauth-api", var api])
    {
        using var fake = FakeOAuthClientsServer.Start(ParseApi(api));
        Console.WriteLine($"== LumoAuth {fake.LumoAuthApi} API, against a fake server at {fake.BaseAddress}");
        await Lifecycle(new OAuthClientsClient(fake.CreateOptions()));
    }
    else
    {
        var options = Parse(args);
        Console.WriteLine($"== {options.Dialect}, against {options.BaseAddress}");
        await Lifecycle(new OAuthClientsClient(options));
    }

    Console.WriteLine("Done.");
    return 0;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"QuickStart: {ex.Message}");
    Console.Error.WriteLine($"Usage: QuickStart [--lumoauth-api OAuthClients|Clients] [--dialect LumoAuth|Cerberus --base-address https://... [--tenant slug]] (API key in {KeyVariable})");
    return 2;
}
catch (Exception ex) when (ex is OAuthClientsApiException or TimeoutException or HttpRequestException or InvalidOperationException)
{
    Console.Error.WriteLine($"QuickStart failed: {ex.Message}");
    return 1;
}

static OAuthClientsOptions Parse(string[] args)
{
    string? Value(string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    var unknown = args.Where((arg, i) => i % 2 == 0 && arg is not ("--dialect" or "--base-address" or "--tenant" or "--lumoauth-api")).ToArray();
    if (unknown.Length > 0 || args.Length % 2 != 0)
    {
        throw new ArgumentException($"Unexpected arguments: {string.Join(" ", args)}");
    }

    return new OAuthClientsOptions
    {
        Dialect = Enum.TryParse<OAuthDialect>(Value("--dialect"), ignoreCase: true, out var dialect) ? dialect : throw new ArgumentException("--dialect must be LumoAuth or Cerberus."),
        BaseAddress = Uri.TryCreate(Value("--base-address"), UriKind.Absolute, out var address) ? address : throw new ArgumentException("--base-address must be an absolute URI."),
        Tenant = Value("--tenant"),
        LumoAuthApi = Value("--lumoauth-api") is { } api ? ParseApi(api) : LumoAuthApi.OAuthClients,
        ApiKey = Environment.GetEnvironmentVariable(KeyVariable) ?? throw new ArgumentException($"Set the API key in the {KeyVariable} environment variable."),
    };
}

static LumoAuthApi ParseApi(string value) =>
    Enum.TryParse<LumoAuthApi>(value, ignoreCase: true, out var api) ? api : throw new ArgumentException("--lumoauth-api must be OAuthClients or Clients.");

static async Task Lifecycle(IOAuthClientsClient client)
{
    var created = await client.CreateAsync(new CreateOAuthClientRequest
    {
        Name = "QuickStart Backend",
        RedirectUris = ["https://api.example.com/callback"],
        AllowedScopes = ["openid", "profile"],
    });
    Console.WriteLine($"1. Created confidential client '{created.Client.Name}' (id {created.Client.Id}, client_id {created.Client.ClientId})");
    Console.WriteLine($"   secret: {created.Secret} (redacted; call created.Secret.Reveal() once to hand it to your secret store)");

    var spa = await client.CreateAsync(new CreateOAuthClientRequest
    {
        Name = "QuickStart SPA",
        IsConfidential = false,
        RedirectUris = ["http://localhost:3000/callback"],
        AllowedScopes = ["openid"],
        RequirePkce = true,
    });
    Console.WriteLine($"2. Created public client '{spa.Client.Name}' (id {spa.Client.Id}): {(spa.Secret is null ? "no secret, as public clients get none" : $"secret {spa.Secret}")}");

    // Some lists return summaries without redirect URIs: ask for full clients (fetched a few at a time).
    Console.WriteLine("3. Listed:");
    await foreach (var each in client.ListAsync(new OAuthClientListOptions { FullClients = true }))
    {
        Console.WriteLine($"   - {each.Name,-20} {(each.IsConfidential ? "confidential" : "public"),-12} {string.Join(", ", each.RedirectUris)}");
    }

    var fetched = await client.GetAsync(created.Client.Id);
    Console.WriteLine($"4. Got '{fetched.Name}': scopes [{string.Join(" ", fetched.AllowedScopes)}], access tokens live {fetched.AccessTokenLifetime}");

    var updated = await client.UpdateAsync(created.Client.Id, new UpdateOAuthClientRequest
    {
        RedirectUris = ["https://api.example.com/callback", "https://api.example.com/callback2"],
    });
    Console.WriteLine($"5. Updated redirect URIs: {string.Join(", ", updated.RedirectUris)}");

    var rotated = await client.RotateSecretAsync(created.Client.Id);
    Console.WriteLine($"6. Rotated the secret: {rotated} (the old one stopped working)");

    // A compromised client: stop new tokens, then kill the live ones where the provider can.
    await client.DisableAsync(spa.Client.Id);
    try
    {
        await client.RevokeTokensAsync(spa.Client.Id);
        Console.WriteLine("7. Disabled the public client and revoked its tokens.");
    }
    catch (NotSupportedException ex)
    {
        Console.WriteLine($"7. Disabled the public client; {ex.Message}");
    }

    await client.DeleteAsync(created.Client.Id);
    await client.DeleteAsync(spa.Client.Id);
    Console.WriteLine("8. Deleted both clients.");
}
