using System;
using System.Linq;
using System.Threading.Tasks;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Sync.Tests.Infrastructure;
using Xunit;

namespace OAuthClients.Sdk.Sync.Tests;

/// <summary>The proof, for LumoAuth (both admin APIs) and Cerberus, against the Testing package's fake.</summary>
public sealed class SyncTests
{
    [Theory]
    [MemberData(nameof(Tenant.Providers), MemberType = typeof(Tenant))]
    public async Task ExportAsync_AppliedToAnEmptyTenant_LeavesAnEmptyPlan(string provider)
    {
        using var source = Tenant.Start(provider);
        await source.Admin.CreateAsync(new CreateOAuthClientRequest { Name = "Web", RedirectUris = ["https://web.example.com/cb", "https://web.example.com/cb2"], AllowedScopes = ["openid", "email"] });
        await source.Admin.CreateAsync(new CreateOAuthClientRequest { Name = "Spa", IsConfidential = false, RequirePkce = true, RedirectUris = ["https://spa.example.com/cb"], AllowedScopes = ["openid"] });
        var disabled = await source.Admin.CreateAsync(new CreateOAuthClientRequest { Name = "Old", RedirectUris = ["https://old.example.com/cb"], AllowedScopes = ["openid"] });
        await source.Admin.DisableAsync(disabled.Client.Id);

        var exported = ClientsDocumentSerializer.Parse(ClientsDocumentSerializer.Serialize(await source.Sync.ExportAsync()));
        using var target = Tenant.Start(provider);
        var plan = await target.Sync.PlanAsync(exported);
        var result = await target.Sync.ApplyAsync(plan);

        Assert.True(result.Succeeded);
        Assert.Equal(3, plan.Count(SyncAction.Create));
        Assert.True((await target.Sync.PlanAsync(exported)).IsEmpty);
        Assert.False((await target.Sync.DriftAsync(exported)).HasDrift);
        var copied = await target.ClientsAsync();
        Assert.Equal(["Old", "Spa", "Web"], copied.Select(c => c.Name).Order());
        Assert.False(copied.Single(c => c.Name == "Old").IsActive);
        Assert.Equal(["https://web.example.com/cb", "https://web.example.com/cb2"], copied.Single(c => c.Name == "Web").RedirectUris.Order());
        // Every confidential client's secret went to the store, and it is the one the server issued.
        foreach (var client in copied.Where(c => c.IsConfidential))
        {
            Assert.Equal(target.Server.CurrentSecret(client.Id), target.Store.Stored[client.ClientId]);
        }
    }

    [Theory]
    [MemberData(nameof(Tenant.Providers), MemberType = typeof(Tenant))]
    public async Task ApplyAsync_TheSameDocumentTwice_ChangesOnlyOnce(string provider)
    {
        using var tenant = Tenant.Start(provider);
        await tenant.Admin.CreateAsync(new CreateOAuthClientRequest { Name = "Web", RedirectUris = ["https://web.example.com/cb"], AllowedScopes = ["openid"] });
        var document = Tenant.Document(Tenant.Client("Web", "https://web.example.com/cb", "https://web.example.com/new"), Tenant.Client("Api"));

        var first = await tenant.Sync.PlanAsync(document);
        Assert.True((await tenant.Sync.ApplyAsync(first)).Succeeded);
        var writes = tenant.Writes;
        var second = await tenant.Sync.PlanAsync(document);
        var again = await tenant.Sync.ApplyAsync(second);

        Assert.Equal([SyncAction.Create, SyncAction.Update], first.Entries.Select(e => e.Action));
        var update = first.Entries.Single(e => e.Action == SyncAction.Update);
        // Only the members that differ, lists compared as sets: the scopes are the same set in another order.
        Assert.Equal(["allowedScopes", "redirectUris"], update.Changes.Select(c => c.Member).Order());
        Assert.Equal("[https://web.example.com/cb]", update.Changes.Single(c => c.Member == "redirectUris").Before);
        Assert.True(second.IsEmpty);
        Assert.Empty(again.Done);
        Assert.Equal(writes, tenant.Writes);
    }

    [Theory]
    [MemberData(nameof(Tenant.Providers), MemberType = typeof(Tenant))]
    public async Task ApplyAsync_TenantChangedSincePlan_RefusesTheStalePlanAndWritesNothing(string provider)
    {
        using var tenant = Tenant.Start(provider);
        var plan = await tenant.Sync.PlanAsync(Tenant.Document(Tenant.Client("Web")));
        await tenant.Admin.CreateAsync(new CreateOAuthClientRequest { Name = "Other", RedirectUris = ["https://other.example.com/cb"], AllowedScopes = ["openid"] });
        var writes = tenant.Writes;

        await Assert.ThrowsAsync<StalePlanException>(() => tenant.Sync.ApplyAsync(plan));
        Assert.Equal(writes, tenant.Writes);
        Assert.DoesNotContain(await tenant.ClientsAsync(), c => c.Name == "Web");
    }

    [Theory]
    [MemberData(nameof(Tenant.Providers), MemberType = typeof(Tenant))]
    public async Task ApplyAsync_AnAppliedPlanAgain_IsStale(string provider)
    {
        using var tenant = Tenant.Start(provider);
        var plan = await tenant.Sync.PlanAsync(Tenant.Document(Tenant.Client("Web")));
        await tenant.Sync.ApplyAsync(plan);

        await Assert.ThrowsAsync<StalePlanException>(() => tenant.Sync.ApplyAsync(plan));
        Assert.Single(await tenant.ClientsAsync());
    }

    [Theory]
    [MemberData(nameof(Tenant.Providers), MemberType = typeof(Tenant))]
    public async Task ApplyAsync_SecretStoreFailsMidway_ReportsTheRestAndTheNextPlanShowsExactlyIt(string provider)
    {
        using var tenant = Tenant.Start(provider);
        var store = new RecordingStore(failOnCall: 3);
        var sync = new ClientsSync(tenant.Admin, new ClientsSyncOptions { SecretStores = [store], MaxConcurrency = 1 });
        var document = Tenant.Numbered(5);

        var result = await sync.ApplyAsync(await sync.PlanAsync(document));
        var next = await sync.PlanAsync(document);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Done.Count);
        var failed = Assert.Single(result.Failed);
        Assert.Contains("vault is unavailable", failed.Error, StringComparison.Ordinal);
        Assert.Equal(2, result.NotDone.Count);
        var text = SyncPlanRenderer.ToText(result);
        Assert.StartsWith("Applied: 2 done, 1 failed, 2 not done.\n!! failed   create App 0002: The vault is unavailable.", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split('\n').Count(l => l.StartsWith("   not done create App 000", StringComparison.Ordinal)));
        Assert.Contains("\"notDone\": [", SyncPlanRenderer.ToJson(result), StringComparison.Ordinal);
        // The failed create happened (its secret did not reach the store); the next plan creates exactly the two not done.
        Assert.Equal(result.NotDone.Select(e => e.Key).Order(), next.Entries.Where(e => e.Action == SyncAction.Create).Select(e => e.Key).Order());
        Assert.Equal(3, next.Count(SyncAction.Unchanged));
        Assert.True((await sync.ApplyAsync(next)).Succeeded);
        Assert.True((await sync.PlanAsync(document)).IsEmpty);
    }

    [Theory]
    [MemberData(nameof(Tenant.Providers), MemberType = typeof(Tenant))]
    public async Task ApplyAsync_OneThousandClientsUnderAHundredWritesAMinute_FinishesWithoutA429(string provider)
    {
        var fake = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var tenant = Tenant.Start(provider, new ClientsSyncOptions { TimeProvider = new AdvancingTime(fake), MaxConcurrency = 8 });
        tenant.Server.LimitWrites(100, TimeSpan.FromMinutes(1), fake);
        var document = Tenant.Numbered(1000);
        var started = fake.GetUtcNow();

        var result = await tenant.Sync.ApplyAsync(await tenant.Sync.PlanAsync(document));

        Assert.True(result.Succeeded, string.Join("; ", result.Failed.Select(f => f.Error)));
        Assert.Equal(1000, result.Done.Count);
        Assert.Equal(0, tenant.Server.RateLimitedResponses);
        Assert.Equal(1000, tenant.Store.Stored.Count);
        // 1,000 writes at 100 a minute cannot finish in less than nine whole windows of fake time.
        Assert.True(fake.GetUtcNow() - started >= TimeSpan.FromMinutes(9), $"{fake.GetUtcNow() - started}");
        Assert.True((await tenant.Sync.PlanAsync(document)).IsEmpty);
    }

    [Theory]
    [MemberData(nameof(Tenant.Providers), MemberType = typeof(Tenant))]
    public async Task ApplyAsync_WithoutTheGovernorsPacing_TheFakeAnswers429(string provider)
    {
        // The control of the test above: the same fake limit refuses the 101st write in a window.
        var fake = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var tenant = Tenant.Start(provider);
        tenant.Server.LimitWrites(100, TimeSpan.FromMinutes(1), fake);
        for (var i = 0; i < 100; i++)
        {
            await tenant.Admin.CreateAsync(new CreateOAuthClientRequest { Name = $"App {i}", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] });
        }

        var refused = await Assert.ThrowsAnyAsync<OAuthClients.Sdk.Errors.OAuthClientsApiException>(() =>
            tenant.Admin.CreateAsync(new CreateOAuthClientRequest { Name = "One too many", RedirectUris = ["https://app.example.com/cb"], AllowedScopes = ["openid"] }));
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(1), refused.RetryAfter);
        Assert.Equal(1, tenant.Server.RateLimitedResponses);
    }

    [Fact]
    public async Task ApplyAsync_RateLimitWindowEndsBeyondTheLongestWait_ReportsTheWriteNotSentInsteadOfStalling()
    {
        var fake = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var tenant = Tenant.Start("LumoAuth", new ClientsSyncOptions { TimeProvider = new AdvancingTime(fake), MaxConcurrency = 1 });
        tenant.Server.LimitWrites(1, TimeSpan.FromDays(1), fake);

        var result = await tenant.Sync.ApplyAsync(await tenant.Sync.PlanAsync(Tenant.Numbered(3)));

        Assert.Single(result.Done);
        var failed = Assert.Single(result.Failed);
        Assert.Contains("X-RateLimit-Reset", failed.Error, StringComparison.Ordinal);
        Assert.False(failed.OutcomeUnknown);
        Assert.Single(result.NotDone);
        Assert.Equal(0, tenant.Server.RateLimitedResponses);
        Assert.Single(await tenant.ClientsAsync());
    }
}
