using System;
using System.Linq;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Sync.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Sync.Tests;

/// <summary>Plan output for people and machines, and secrets kept out of everything the package produces.</summary>
public sealed class RendererTests
{
    [Fact]
    public async Task ToText_PlanWithDeletes_ListsDeletesFirstMarkedAndShowsBeforeAndAfter()
    {
        using var tenant = Tenant.Start("LumoAuth");
        await tenant.Admin.CreateAsync(new CreateOAuthClientRequest { Name = "Web", RedirectUris = ["https://web.example.com/cb"], AllowedScopes = ["openid", "profile"] });
        await tenant.Admin.CreateAsync(new CreateOAuthClientRequest { Name = "Zombie", RedirectUris = ["https://z.example.com/cb"], AllowedScopes = ["openid"] });
        var document = Tenant.Document(Tenant.Client("Web", "https://web.example.com/cb", "https://web.example.com/v2"), Tenant.Client("Api"));

        var text = SyncPlanRenderer.ToText(await tenant.Sync.PlanAsync(document, new PlanOptions { AllowDeletes = true }));

        var lines = text.Split('\n');
        Assert.Equal("Plan: 1 to delete, 0 to disable, 0 to replace, 1 to create, 1 to update, 0 unchanged, 0 retained.", lines[0]);
        Assert.StartsWith("!! - delete  Zombie (", lines[1], StringComparison.Ordinal);
        Assert.Contains("   ~ update  Web (", text, StringComparison.Ordinal);
        Assert.Contains("       redirectUris: [https://web.example.com/cb] -> [https://web.example.com/cb, https://web.example.com/v2]", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("delete", StringComparison.Ordinal) < text.IndexOf("create", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ToJson_ReadBack_AppliesExactlyThePlanShown()
    {
        using var tenant = Tenant.Start("Cerberus");
        var plan = await tenant.Sync.PlanAsync(Tenant.Document(Tenant.Client("Web"), Tenant.Client("Api")));

        var json = SyncPlanRenderer.ToJson(plan);
        var read = SyncPlanRenderer.ReadJson(json);
        var result = await tenant.Sync.ApplyAsync(read);

        Assert.Contains("\"action\": \"Create\"", json, StringComparison.Ordinal);
        Assert.Equal(plan.Fingerprint, read.Fingerprint);
        Assert.Equal(plan.Entries.Select(e => (e.Action, e.Key)), read.Entries.Select(e => (e.Action, e.Key)));
        Assert.True(result.Succeeded);
        Assert.Equal(["Api", "Web"], (await tenant.ClientsAsync()).Select(c => c.Name).Order());
    }

    [Fact]
    public void ToText_CredentialsInARedirectUri_AreMasked()
    {
        var plan = new SyncPlan
        {
            Fingerprint = "f",
            Options = new PlanOptions(),
            Entries = [new PlannedChange { Action = SyncAction.Create, Key = "Web", Changes = [new MemberChange("redirectUris", null, "[https://user:pa55word@web.example.com/cb]")] }],
        };

        Assert.DoesNotContain("pa55word", SyncPlanRenderer.ToText(plan), StringComparison.Ordinal);
        Assert.DoesNotContain("pa55word", SyncPlanRenderer.ToJson(plan), StringComparison.Ordinal);
        Assert.Contains("https://****@web.example.com/cb", SyncPlanRenderer.ToText(plan), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Tenant.Providers), MemberType = typeof(Tenant))]
    public async Task EveryOutput_AfterCreatingAndReplacingClients_HoldsNoSecret(string provider)
    {
        using var tenant = Tenant.Start(provider);
        await tenant.Admin.CreateAsync(new CreateOAuthClientRequest { Name = "Public", IsConfidential = false, RedirectUris = ["https://p.example.com/cb"], AllowedScopes = ["openid"] });
        var document = Tenant.Document(Tenant.Client("Web"), Tenant.Client("Api"), Tenant.Client("Public", "https://p.example.com/cb") with { IsConfidential = true });
        var plan = await tenant.Sync.PlanAsync(document, new PlanOptions { AllowReplace = true });

        var result = await tenant.Sync.ApplyAsync(plan);
        var after = await tenant.Sync.PlanAsync(document);
        var outputs = string.Join("\n",
            SyncPlanRenderer.ToText(plan, includeUnchanged: true), SyncPlanRenderer.ToJson(plan), result.ToString(), string.Join(",", result.Done),
            SyncPlanRenderer.ToText(after, includeUnchanged: true), SyncPlanRenderer.ToJson(after),
            ClientsDocumentSerializer.Serialize(await tenant.Sync.ExportAsync()), (await tenant.Sync.DriftAsync(document)).ToString());

        Assert.True(result.Succeeded);
        Assert.Equal(3, tenant.Store.Stored.Count);
        foreach (var secret in tenant.Store.Stored.Values)
        {
            Assert.DoesNotContain(secret, outputs, StringComparison.Ordinal);
        }
    }
}
