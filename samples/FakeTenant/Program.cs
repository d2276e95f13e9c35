using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading.Tasks;
using OAuthClients.Sdk;
using OAuthClients.Sdk.Testing;

// A fake tenant for trying the oauthclients tool: starts the Testing package's fake server on 127.0.0.1, writes a
// settings file whose default profile points at it (the API key in an owner-only file beside it), and serves until
// Ctrl+C or SIGTERM. Usage: FakeTenant <LumoAuth|LumoAuthClients|Cerberus> <directory>
if (args is not [var api, var directory])
{
    Console.Error.WriteLine("Usage: FakeTenant <LumoAuth|LumoAuthClients|Cerberus> <directory>");
    return 2;
}

using var fake = api switch
{
    "LumoAuth" => FakeOAuthClientsServer.Start(OAuthDialect.LumoAuth),
    "LumoAuthClients" => FakeOAuthClientsServer.Start(LumoAuthApi.Clients),
    "Cerberus" => FakeOAuthClientsServer.Start(OAuthDialect.Cerberus),
    _ => null,
};
if (fake is null)
{
    Console.Error.WriteLine($"Unknown API '{api}': LumoAuth, LumoAuthClients or Cerberus.");
    return 2;
}

Directory.CreateDirectory(directory);
var keyFile = Path.GetFullPath(Path.Combine(directory, "api.key"));
var keyOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
if (!OperatingSystem.IsWindows())
{
    keyOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
}

using (var key = new StreamWriter(keyFile, keyOptions))
{
    key.Write(fake.ApiKey);
}

var options = fake.CreateOptions();
var settingsFile = Path.GetFullPath(Path.Combine(directory, "settings.json"));
using (var stream = File.Create(settingsFile))
using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
{
    json.WriteStartObject();
    json.WriteString("defaultProfile", "fake");
    json.WriteStartObject("profiles");
    json.WriteStartObject("fake");
    json.WriteString("dialect", options.Dialect.ToString());
    json.WriteString("lumoAuthApi", options.LumoAuthApi.ToString());
    json.WriteString("baseAddress", options.BaseAddress!.ToString());
    json.WriteString("tenant", options.Tenant);
    json.WriteString("apiKeyFile", keyFile);
    json.WriteEndObject();
    json.WriteEndObject();
    json.WriteEndObject();
}

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.TrySetResult();
});
Console.WriteLine($"A fake {api} tenant serves at {fake.BaseAddress}.");
Console.WriteLine($"export OAUTHCLIENTS_SETTINGS={settingsFile}");
Console.WriteLine("Ctrl+C stops it.");
await stop.Task;
return 0;
