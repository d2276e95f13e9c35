using System;
using System.Linq;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Sync.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Sync.Tests;

/// <summary>Deletes, replaces and ambiguous matches: what a plan refuses to do unless asked, for every provider.</summary>
public sealed class GuardTests
{
    [Theory]
    [MemberData(nameof(Tenant.Providers), MemberType = typeof(Tenant))]
    public async Task PlanAsync_ClientsNotInTheDocumentWithDeletesOff_RetainsThemAndDeletesNothing(string provider)
    {
        using var tenant = Tenant.Start(provider);
        await SeedAsync(tenant, "Keep", "Extra");

        var plan = await tenant.Sync.PlanAsync(Tenant.Document(Tenant.Client("Keep")));
        var result = await tenant.Sync.ApplyAsync(plan);

        var extra = Assert.Single(plan.Entries, e => e.Key == "Extra");
        Assert.Equal(SyncAction.Retain, extra.Action);
        Assert.True(plan.IsEmpty);
        Assert.Empty(result.Done);
        Assert.Equal(2, (await tenant.ClientsAsync()).Count);
        // Drift still reports it: the tenant is not as the document says.
        var drift = await tenant.Sync.DriftAsync(Tenant.Document(Tenant.Client("Keep")));
        Assert.Equal(["Extra"], drift.Keys);
        Assert.StartsWith("Drift: 1 client(s) differ from the document.\n!! - delete  Extra (", SyncPlanRenderer.ToText(drift), StringComparison.Ordinal);
        Assert.Contains("\"hasDrift\": true", SyncPlanRenderer.ToJson(drift), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Tenant.Providers), MemberType = typeof(Tenant))]
    public async Task ApplyAsync_DeletesAllowed_DeletesUnlistedButNeverProtectedKeys(string provider)
    {
        using var tenant = Tenant.Start(provider);
        await SeedAsync(tenant, "Keep", "Extra", "Break glass");

        var plan = await tenant.Sync.PlanAsync(Tenant.Document(Tenant.Client("Keep")), new PlanOptions { AllowDeletes = true, ProtectedKeys = ["Break glass"] });
        var result = await tenant.Sync.ApplyAsync(plan);

        Assert.Equal(SyncAction.Delete, plan.Entries[0].Action);
        Assert.Equal("Extra", plan.Entries[0].Key);
        Assert.Equal(SyncAction.Retain, plan.Entries.Single(e => e.Key == "Break glass").Action);
        Assert.True(result.Succeeded);
        Assert.Equal(["Break glass", "Keep"], (await tenant.ClientsAsync()).Select(c => c.Name).Order());
    }

    [Theory]
    [MemberData(nameof(Tenant.Providers), MemberType = typeof(Tenant))]
    public async Task PlanAsync_MoreDeletesThanTheMaximum_StopsWithoutAPlan(string provider)
    {
        using var tenant = Tenant.Start(provider);
        await SeedAsync(tenant, "A", "B", "C");

        var ex = await Assert.ThrowsAsync<ClientsSyncException>(() => tenant.Sync.PlanAsync(Tenant.Document(), new PlanOptions { AllowDeletes = true, MaxDeletes = 2 }));

        Assert.Contains("maximum of 2", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await tenant.ClientsAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(Tenant.Providers), MemberType = typeof(Tenant))]
    public async Task ApplyAsync_DisableBeforeDelete_DisablesFirstAndDeletesOnTheNextRun(string provider)
    {
        using var tenant = Tenant.Start(provider);
        await SeedAsync(tenant, "Keep", "Extra");
        var options = new PlanOptions { AllowDeletes = true, DisableBeforeDelete = true };
        var document = Tenant.Document(Tenant.Client("Keep"));

        var first = await tenant.Sync.PlanAsync(document, options);
        await tenant.Sync.ApplyAsync(first);
        var afterFirst = await tenant.ClientsAsync();
        var second = await tenant.Sync.PlanAsync(document, options);
        await tenant.Sync.ApplyAsync(second);

        Assert.Equal(SyncAction.Disable, first.Entries[0].Action);
        Assert.False(afterFirst.Single(c => c.Name == "Extra").IsActive);
        Assert.Equal(SyncAction.Delete, second.Entries[0].Action);
        Assert.Equal(["Keep"], (await tenant.ClientsAsync()).Select(c => c.Name));
    }

    [Theory]
    [MemberData(nameof(Tenant.Providers), MemberType = typeof(Tenant))]
    public async Task ApplyAsync_UnchangeableMemberDiffers_ReplacesOnlyWhenAllowed(string provider)
    {
        using var tenant = Tenant.Start(provider);
        var original = await tenant.Admin.CreateAsync(new CreateOAuthClientRequest { Name = "Spa", IsConfidential = false, RedirectUris = ["https://spa.example.com/cb"], AllowedScopes = ["openid"] });
        var document = Tenant.Document(Tenant.Client("Spa", "https://spa.example.com/cb") with { IsConfidential = true });

        var refused = await tenant.Sync.PlanAsync(document);
        await Assert.ThrowsAsync<ClientsSyncException>(() => tenant.Sync.ApplyAsync(refused));
        var allowed = await tenant.Sync.PlanAsync(document, new PlanOptions { AllowReplace = true });
        var result = await tenant.Sync.ApplyAsync(allowed);

        var replace = Assert.Single(refused.Entries);
        Assert.Equal(SyncAction.Replace, replace.Action);
        Assert.Contains(replace.Changes, c => c.Member == "isConfidential" && c.Before == "false" && c.After == "true");
        Assert.True(result.Succeeded);
        var replaced = Assert.Single(await tenant.ClientsAsync());
        Assert.True(replaced.IsConfidential);
        Assert.NotEqual(original.Client.Id, replaced.Id);
        Assert.Equal(tenant.Server.CurrentSecret(replaced.Id), tenant.Store.Stored[replaced.ClientId]);
    }

    [Theory]
    [MemberData(nameof(Tenant.Providers), MemberType = typeof(Tenant))]
    public async Task PlanAsync_TwoServerClientsMatchOneKey_StopsWithAClearError(string provider)
    {
        using var tenant = Tenant.Start(provider);
        await SeedAsync(tenant, "Twin", "Twin");

        var ex = await Assert.ThrowsAsync<ClientsSyncException>(() => tenant.Sync.PlanAsync(Tenant.Document(Tenant.Client("Twin"))));

        Assert.Contains("2 server clients match the key 'Twin'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Tenant.Providers), MemberType = typeof(Tenant))]
    public async Task ApplyAsync_ExplicitKey_RenamesTheClientItNames(string provider)
    {
        using var tenant = Tenant.Start(provider);
        var created = await tenant.Admin.CreateAsync(new CreateOAuthClientRequest { Name = "Old name", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] });
        var document = Tenant.Document(Tenant.Client("New name", "https://app.example.com/cb") with { Key = created.Client.ClientId });

        var plan = await tenant.Sync.PlanAsync(document);
        await tenant.Sync.ApplyAsync(plan);

        Assert.Equal(new MemberChange("name", "Old name", "New name"), Assert.Single(plan.Entries).Changes.Single(c => c.Member == "name"));
        var renamed = Assert.Single(await tenant.ClientsAsync());
        Assert.Equal((created.Client.Id, "New name"), (renamed.Id, renamed.Name));
    }

    [Fact]
    public async Task ApplyAsync_CreatesAConfidentialClientWithoutASecretStore_RefusesBeforeWriting()
    {
        using var tenant = Tenant.Start("Cerberus");
        var sync = new ClientsSync(tenant.Admin);
        var plan = await sync.PlanAsync(Tenant.Document(Tenant.Client("Web")));

        await Assert.ThrowsAsync<ClientsSyncException>(() => sync.ApplyAsync(plan));

        Assert.Empty(await tenant.ClientsAsync());
    }

    [Fact]
    public async Task ApplyAsync_PlanEditedToDeleteWithoutTheAllowance_RefusesBeforeWriting()
    {
        using var tenant = Tenant.Start("LumoAuth");
        await SeedAsync(tenant, "Keep");
        var plan = await tenant.Sync.PlanAsync(Tenant.Document());
        var retained = Assert.Single(plan.Entries);
        var edited = SyncPlanRenderer.ToJson(plan with { Entries = [retained with { Action = SyncAction.Delete }] });
        var writes = tenant.Writes;

        await Assert.ThrowsAsync<ClientsSyncException>(() => tenant.Sync.ApplyAsync(SyncPlanRenderer.ReadJson(edited)));

        Assert.Equal(writes, tenant.Writes);
        Assert.Single(await tenant.ClientsAsync());
    }

    private static async Task SeedAsync(Tenant tenant, params string[] names)
    {
        foreach (var name in names)
        {
            await tenant.Admin.CreateAsync(new CreateOAuthClientRequest { Name = name, RedirectUris = [$"https://{name.Replace(' ', '-').ToLowerInvariant()}.example.com/cb"], AllowedScopes = ["openid", "profile"] });
        }
    }
}
