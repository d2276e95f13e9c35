// Clients as code, end to end, the way a deployment pipeline runs it: adopt a tenant (export), change the document
// (a pull request), check drift, plan, save the plan, apply exactly that plan (secrets to a store), check again.
// Against an in-process fake Cerberus tenant on 127.0.0.1; exits 0 only when the tenant ends as the document says.
using System;
using System.IO;
using System.Linq;
using OAuthClients.Sdk;
using OAuthClients.Sdk.Secrets;
using OAuthClients.Sdk.Sync;
using OAuthClients.Sdk.Testing;

using var server = FakeOAuthClientsServer.Start(OAuthDialect.Cerberus);
var client = new OAuthClientsClient(server.CreateOptions());
await client.CreateAsync(new() { Name = "Storefront", RedirectUris = ["https://shop.example.com/callback"], AllowedScopes = ["openid", "profile"] });
await client.CreateAsync(new() { Name = "Legacy admin", RedirectUris = ["https://old.example.com/cb"], AllowedScopes = ["openid"] });

var work = Directory.CreateTempSubdirectory("clients-as-code-");
try
{
    var secrets = new FileSecretStore(Path.Combine(work.FullName, "secrets"));
    var sync = new ClientsSync(client, new ClientsSyncOptions { SecretStores = [secrets] });

    // 1. Adopt the tenant: export it as a document (no secrets), commit it to the repository.
    var documentPath = Path.Combine(work.FullName, "oauth-clients.json");
    await File.WriteAllTextAsync(documentPath, ClientsDocumentSerializer.Serialize(await sync.ExportAsync()));

    // 2. A pull request: the storefront gets a second redirect URI, a new API client arrives, the legacy one goes.
    var document = await ClientsDocumentSerializer.LoadAsync(documentPath);
    document = document with
    {
        Clients =
        [
            .. document.Clients.Where(c => c.Name != "Legacy admin")
                .Select(c => c.Name == "Storefront" ? c with { RedirectUris = [.. c.RedirectUris, "https://shop.example.com/silent"] } : c),
            new DesiredClient { Name = "Orders API", RedirectUris = ["https://orders.example.com/cb"], AllowedScopes = ["openid"] },
        ],
    };
    await File.WriteAllTextAsync(documentPath, ClientsDocumentSerializer.Serialize(document));

    // 3. CI on the pull request: drift, and the plan for reviewers (text), saved for the deploy job (JSON).
    var desired = await ClientsDocumentSerializer.LoadAsync(documentPath);
    var drift = await sync.DriftAsync(desired);
    Console.WriteLine($"Drift before deploy: {drift.HasDrift} ({string.Join(", ", drift.Keys)})");
    var plan = await sync.PlanAsync(desired, new PlanOptions { AllowDeletes = true, MaxDeletes = 1, ProtectedKeys = ["Break glass"] });
    Console.Write(SyncPlanRenderer.ToText(plan));
    var planPath = Path.Combine(work.FullName, "plan.json");
    await File.WriteAllTextAsync(planPath, SyncPlanRenderer.ToJson(plan));

    // 4. The deploy job, after approval: apply exactly the saved plan (refused if the tenant changed meanwhile).
    var result = await sync.ApplyAsync(SyncPlanRenderer.ReadJson(await File.ReadAllTextAsync(planPath)));
    Console.WriteLine($"Applied: {result.Done.Count} done, {result.Failed.Count} failed, {result.NotDone.Count} not done.");

    // 5. The nightly check: fail the pipeline on drift.
    var after = await sync.DriftAsync(desired);
    Console.WriteLine($"Drift after deploy: {after.HasDrift}");
    return result.Succeeded && !after.HasDrift && Directory.EnumerateFiles(Path.Combine(work.FullName, "secrets")).Count() == 1 ? 0 : 1;
}
finally
{
    work.Delete(recursive: true);
}
