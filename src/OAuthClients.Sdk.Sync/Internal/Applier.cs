using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Sync.Internal;

/// <summary>
/// Carries out a checked plan: deletes and disables first, then replaces, creates and updates, each phase with bounded
/// concurrency under the rate governor. The first failure stops new writes; writes in flight finish.
/// </summary>
internal sealed class Applier(IOAuthClientsClient client, ClientsSyncOptions options)
{
    private readonly RateGovernor _governor = new(options.TimeProvider);
    private readonly ConcurrentQueue<PlannedChange> _done = new();
    private readonly ConcurrentQueue<FailedChange> _failed = new();
    private readonly ConcurrentQueue<PlannedChange> _notDone = new();
    private int _stopped;

    public async Task<ApplyResult> ApplyAsync(SyncPlan plan, CancellationToken cancellationToken)
    {
        var writes = plan.Entries.Where(e => e.Action is not (SyncAction.Unchanged or SyncAction.Retain)).ToArray();
        await RunPhaseAsync(writes.Where(e => e.Action is SyncAction.Delete or SyncAction.Disable).ToArray(), cancellationToken).ConfigureAwait(false);
        await RunPhaseAsync(writes.Where(e => e.Action is SyncAction.Replace or SyncAction.Create or SyncAction.Update).ToArray(), cancellationToken).ConfigureAwait(false);
        return new ApplyResult { Done = [.. _done], Failed = [.. _failed], NotDone = [.. _notDone] };
    }

    private static bool OutcomeUnknown(PlannedChange change, Exception ex) =>
        change.Action is SyncAction.Create or SyncAction.Replace
        && ex is not (ArgumentException or ClientsSyncException or OAuthClientsApiException { StatusCode: >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError });

    private async Task RunPhaseAsync(PlannedChange[] changes, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(options.MaxConcurrency);
        var tasks = changes.Select(async change =>
        {
            await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                if (Volatile.Read(ref _stopped) != 0 || cancellationToken.IsCancellationRequested)
                {
                    _notDone.Enqueue(change);
                    return;
                }

                await ExecuteAsync(change, cancellationToken).ConfigureAwait(false);
                _done.Enqueue(change);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _notDone.Enqueue(change);
            }
            catch (Exception ex)
            {
                Interlocked.Exchange(ref _stopped, 1);
                _failed.Enqueue(new FailedChange(change, ex.Message, OutcomeUnknown(change, ex)));
            }
            finally
            {
                slots.Release();
            }
        }).ToArray();
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task ExecuteAsync(PlannedChange change, CancellationToken cancellationToken)
    {
        switch (change.Action)
        {
            case SyncAction.Delete:
                await WriteAsync(() => client.DeleteAsync(change.Id!, cancellationToken), cancellationToken).ConfigureAwait(false);
                break;
            case SyncAction.Disable:
                await WriteAsync(() => client.DisableAsync(change.Id!, cancellationToken), cancellationToken).ConfigureAwait(false);
                break;
            case SyncAction.Replace:
                await WriteAsync(() => client.DeleteAsync(change.Id!, cancellationToken), cancellationToken).ConfigureAwait(false);
                await CreateAsync(change.Desired!, cancellationToken).ConfigureAwait(false);
                break;
            case SyncAction.Create:
                await CreateAsync(change.Desired!, cancellationToken).ConfigureAwait(false);
                break;
            case SyncAction.Update:
                var update = ClientDiff.Update(change.Desired!, change.Changes);
                if (update != new UpdateOAuthClientRequest())
                {
                    await WriteAsync(() => client.UpdateAsync(change.Id!, update, cancellationToken), cancellationToken).ConfigureAwait(false);
                }

                if (change.Changes.Any(c => c.Member == "isActive"))
                {
                    await SetActiveAsync(change.Id!, change.Desired!.IsActive!.Value, cancellationToken).ConfigureAwait(false);
                }

                break;
        }
    }

    private async Task CreateAsync(DesiredClient desired, CancellationToken cancellationToken)
    {
        var created = await WriteAsync(() => client.CreateAsync(ClientDiff.Create(desired), cancellationToken), cancellationToken).ConfigureAwait(false);
        if (created.Secret is { } secret)
        {
            foreach (var store in options.SecretStores)
            {
                await store.SetSecretAsync(created.Client, secret, cancellationToken).ConfigureAwait(false);
            }
        }

        if (desired.IsActive is { } active && active != created.Client.IsActive)
        {
            await SetActiveAsync(created.Client.Id, active, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task SetActiveAsync(string id, bool active, CancellationToken cancellationToken) =>
        WriteAsync(() => active ? client.EnableAsync(id, cancellationToken) : client.DisableAsync(id, cancellationToken), cancellationToken);

    private async Task WriteAsync(Func<Task> write, CancellationToken cancellationToken) =>
        await WriteAsync(async () =>
        {
            await write().ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);

    private async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await _governor.EnterAsync(cancellationToken).ConfigureAwait(false);
        using var capture = OAuthClientsResponseCapture.Start();
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            _governor.Exit(capture.Last?.RateLimit);
        }
    }
}
