using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Sync.Internal;

namespace OAuthClients.Sdk.Sync;

/// <summary>
/// Clients as code against one tenant: <see cref="PlanAsync"/> compares a <see cref="ClientsDocument"/> with the
/// tenant's clients (read in full), <see cref="ApplyAsync"/> carries out exactly that plan, <see cref="DriftAsync"/>
/// says whether the tenant is as the document says, and <see cref="ExportAsync"/> writes the tenant as a document.
/// </summary>
public sealed class ClientsSync
{
    private readonly IOAuthClientsClient _client;
    private readonly ClientsSyncOptions _options;

    /// <summary>Initializes a new instance of the <see cref="ClientsSync"/> class.</summary>
    /// <param name="client">The client of the tenant (either dialect).</param>
    /// <param name="options">How plans are applied; <see langword="null"/> for the defaults (no secret store: creating a confidential client is refused).</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ClientsSyncOptions.MaxConcurrency"/> is out of range.</exception>
    public ClientsSync(IOAuthClientsClient client, ClientsSyncOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        options ??= new ClientsSyncOptions();
        if (options.MaxConcurrency is < 1 or > ClientsSyncOptions.MaxConcurrencyLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"MaxConcurrency is {options.MaxConcurrency}: it must be from 1 to {ClientsSyncOptions.MaxConcurrencyLimit}.");
        }

        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options) + "." + nameof(options.TimeProvider));
        ArgumentNullException.ThrowIfNull(options.SecretStores, nameof(options) + "." + nameof(options.SecretStores));
        _client = client;
        _options = options;
    }

    /// <summary>
    /// Reads the tenant's clients in full and plans what makes the tenant as <paramref name="document"/> says. Nothing
    /// is written.
    /// </summary>
    /// <param name="document">The desired clients.</param>
    /// <param name="options">The safety rules; <see langword="null"/> deletes and replaces nothing.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The plan, deletes first.</returns>
    /// <exception cref="ClientsDocumentException">The document is invalid (for example two clients with one key).</exception>
    /// <exception cref="ClientsSyncException">Two server clients match one key, or more deletes are needed than <see cref="PlanOptions.MaxDeletes"/>.</exception>
    /// <exception cref="OAuthClientsApiException">The listing failed, or stopped short of what the server reported.</exception>
    public async Task<SyncPlan> PlanAsync(ClientsDocument document, PlanOptions? options = null, CancellationToken cancellationToken = default)
    {
        ClientsDocumentSerializer.Validate(document);
        options ??= new PlanOptions();
        if (options.MaxDeletes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxDeletes, "MaxDeletes must be 0 or more.");
        }

        var server = await ReadTenantAsync(cancellationToken).ConfigureAwait(false);
        return Planner.Plan(document, server, options);
    }

    /// <summary>
    /// Carries out exactly <paramref name="plan"/>, after checking that the tenant is still in the state it was computed
    /// from. Writes run with bounded concurrency under a rate governor that reads the server's <c>X-RateLimit-*</c>
    /// headers and waits for the window's reset before the server would answer 429. Every created client's secret goes
    /// to the secret stores before its create counts as done. A failure stops new writes and is reported, not thrown.
    /// </summary>
    /// <param name="plan">A plan from <see cref="PlanAsync"/>, as shown.</param>
    /// <param name="cancellationToken">Cancels the apply: writes not started are reported in <see cref="ApplyResult.NotDone"/>.</param>
    /// <returns>What was done and what was not.</returns>
    /// <exception cref="StalePlanException">The tenant's clients changed since the plan was computed; nothing was written.</exception>
    /// <exception cref="ClientsSyncException">The plan holds a replace it does not allow, or creates a confidential client with no secret store; nothing was written.</exception>
    public async Task<ApplyResult> ApplyAsync(SyncPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Planner.CheckApplicable(plan, _options.SecretStores.Count > 0);
        var server = await ReadTenantAsync(cancellationToken).ConfigureAwait(false);
        if (Fingerprint.Of(server) != plan.Fingerprint)
        {
            throw new StalePlanException("The tenant's clients changed since the plan was computed: nothing was applied. Plan again and review the new plan.");
        }

        return await new Applier(_client, _options).ApplyAsync(plan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Says whether the tenant is as <paramref name="document"/> says, in one result. Nothing is written.</summary>
    /// <param name="document">The desired clients.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The differences: missing, different, and server clients the document does not name.</returns>
    /// <exception cref="ClientsDocumentException">The document is invalid.</exception>
    /// <exception cref="ClientsSyncException">Two server clients match one key.</exception>
    /// <exception cref="OAuthClientsApiException">The listing failed.</exception>
    public async Task<DriftResult> DriftAsync(ClientsDocument document, CancellationToken cancellationToken = default)
    {
        ClientsDocumentSerializer.Validate(document);
        var server = await ReadTenantAsync(cancellationToken).ConfigureAwait(false);
        var plan = Planner.Plan(document, server, new PlanOptions { AllowDeletes = true, MaxDeletes = int.MaxValue, AllowReplace = true });
        return new DriftResult { Differences = plan.Entries.Where(e => e.Action != SyncAction.Unchanged).ToArray() };
    }

    /// <summary>Writes the tenant's clients as a document, the way to adopt an existing tenant. Secrets are never read or written.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The document: each member that differs from the SDK's default, clients by name.</returns>
    /// <exception cref="ClientsSyncException">Two clients share a name: the document could not tell them apart.</exception>
    /// <exception cref="OAuthClientsApiException">The listing failed.</exception>
    public async Task<ClientsDocument> ExportAsync(CancellationToken cancellationToken = default)
    {
        var server = await ReadTenantAsync(cancellationToken).ConfigureAwait(false);
        var clients = server.OrderBy(c => c.Name, StringComparer.Ordinal).Select(ClientDiff.Export).ToArray();
        var shared = clients.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (shared.Length > 0)
        {
            throw new ClientsSyncException($"Several clients share the name(s) {string.Join(", ", shared.Select(n => "'" + n + "'"))}: rename them (or give them explicit keys by client id) before exporting.");
        }

        return new ClientsDocument { Clients = clients };
    }

    private async Task<List<OAuthClient>> ReadTenantAsync(CancellationToken cancellationToken)
    {
        var clients = new List<OAuthClient>();
        await foreach (var client in _client.ListAsync(new OAuthClientListOptions { FullClients = true, RequireComplete = true }, cancellationToken).ConfigureAwait(false))
        {
            clients.Add(client);
        }

        return clients;
    }
}
