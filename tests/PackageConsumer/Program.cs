using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OAuthClients.Sdk;
using OAuthClients.Sdk.Models;

// A tiny consumer of the package as shipped (and, published with PublishAot, proof that it trims and compiles
// ahead of time without warnings). It talks to a one-shot loopback server and checks what it got.
using var listener = new TcpListener(IPAddress.Loopback, 0);
listener.Start();
var port = ((IPEndPoint)listener.LocalEndpoint).Port;
var serve = Task.Run(async () =>
{
    using var connection = await listener.AcceptTcpClientAsync();
    var stream = connection.GetStream();
    var buffer = new byte[8192];
    var request = new StringBuilder();
    while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
    {
        request.Append(Encoding.ASCII.GetString(buffer, 0, await stream.ReadAsync(buffer)));
    }

    var body = """{ "id": "c1", "name": "Packaged", "redirectUris": ["https://app.example.com/cb"], "secret": "cs_live_0123456789abcdef" }""";
    var response = $"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
    await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
    return request.ToString();
});

var services = new ServiceCollection();
services.AddOAuthClientsSdk(o =>
{
    o.BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    o.Tenant = "acme";
}).AddOAuthClientsTokenProvider<ConsumerTokens>();
await using var provider = services.BuildServiceProvider();
var created = await provider.GetRequiredService<IOAuthClientsClient>()
    .CreateAsync(new CreateOAuthClientRequest { Name = "Packaged", RedirectUris = ["https://app.example.com/cb"] }, CancellationToken.None);
var sent = await serve;

var ok = created.Client.Name == "Packaged" && created.Secret!.Reveal() == "cs_live_0123456789abcdef"
    && sent.StartsWith("POST /t/acme/api/v1/admin/oauth-clients ", StringComparison.Ordinal)
    && sent.Contains("Authorization: Bearer tok_package_consumer\r\n", StringComparison.Ordinal);
Console.WriteLine(ok ? $"Package consumer OK: created {created.Client.Id}, secret {created.Secret}" : "Package consumer FAILED");
return ok ? 0 : 1;

/// <summary>A token provider created by DI (the trimmer must keep its constructor).</summary>
internal sealed class ConsumerTokens : IOAuthClientsTokenProvider
{
    public ValueTask<string> GetTokenAsync(string? refusedToken, CancellationToken cancellationToken) => new("tok_package_consumer");
}
