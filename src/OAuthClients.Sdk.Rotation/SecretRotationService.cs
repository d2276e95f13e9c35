using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OAuthClients.Sdk.Errors;
using OAuthClients.Sdk.Models;
using OAuthClients.Sdk.Rotation.Internal;
using OAuthClients.Sdk.Rotation.Ledger;
using OAuthClients.Sdk.Rotation.Verification;
using OAuthClients.Sdk.Secrets;

namespace OAuthClients.Sdk.Rotation;

/// <summary>
/// The hosted rotation service: every <see cref="SecretRotationOptions.CheckInterval"/> it rotates the secrets that are
/// due, one host at a time per client, records each step in the ledger before its effect can be lost, holds each new
/// secret in memory until every <see cref="ISecretStore"/> has it, then verifies it. Registered by
/// <c>AddSecretRotation</c>; call <see cref="RunPassAsync"/> or <see cref="DryRunAsync"/> to drive it yourself.
/// </summary>
public sealed partial class SecretRotationService : BackgroundService
{
    private readonly ConcurrentDictionary<string, PendingDelivery> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IOAuthClientsClientFactory _clients;
    private readonly ISecretRotationLedger _ledger;
    private readonly ISecretRotationLock _lock;
    private readonly IReadOnlyList<ISecretStore> _stores;
    private readonly ISecretVerifier _verifier;
    private readonly SecretRotationOptions _options;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _logger;
    private readonly RotationStatus _status;
    private readonly RotationTelemetry _telemetry;
    private bool _initialized;

    internal SecretRotationService(
        IOAuthClientsClientFactory clients,
        ISecretRotationLedger ledger,
        ISecretRotationLock rotationLock,
        IEnumerable<ISecretStore> stores,
        ISecretVerifier verifier,
        SecretRotationOptions options,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        ILogger<SecretRotationService> logger,
        RotationStatus status,
        RotationTelemetry telemetry)
    {
        _clients = clients;
        _ledger = ledger;
        _lock = rotationLock;
        _stores = [.. stores];
        _verifier = verifier;
        _options = options;
        _time = time;
        _lifetime = lifetime;
        _logger = logger;
        _status = status;
        _telemetry = telemetry;
    }

    /// <summary>
    /// Makes one pass: retries the pending deliveries that are due, then lists the provider's clients and rotates
    /// those that are due (or only reports them when <see cref="SecretRotationOptions.DryRun"/> is set).
    /// </summary>
    /// <param name="cancellationToken">Cancels the pass; a secret already rotated stays pending.</param>
    /// <returns>What the pass did with each client.</returns>
    /// <exception cref="OAuthClientsApiException">The provider could not list the clients.</exception>
    /// <exception cref="DbException">The ledger's database failed.</exception>
    /// <exception cref="InvalidOperationException">No secret store is registered.</exception>
    public Task<RotationPassResult> RunPassAsync(CancellationToken cancellationToken = default) => PassAsync(_options.DryRun, cancellationToken);

    /// <summary>Reports what a pass would rotate and why, changing nothing: no lock, no rotation, no ledger write.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The clients, with <see cref="RotationOutcome.WouldRotate"/> for those that are due.</returns>
    /// <exception cref="OAuthClientsApiException">The provider could not list the clients.</exception>
    /// <exception cref="DbException">The ledger's database failed.</exception>
    public Task<RotationPassResult> DryRunAsync(CancellationToken cancellationToken = default) => PassAsync(dryRun: true, cancellationToken);

    /// <summary>Stops the service; a secret still waiting for a store is lost here and recovered on the next start.</summary>
    /// <param name="cancellationToken">Ends the graceful stop.</param>
    /// <returns>A task that completes when the service has stopped.</returns>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await AbandonPendingAsync().ConfigureAwait(false);
    }

    /// <summary>Releases the locks of pending deliveries and the pass gate.</summary>
    public override void Dispose()
    {
        AbandonPendingAsync().AsTask().GetAwaiter().GetResult();
        _gate.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextCheck = _time.GetUtcNow() + (_options.RunOnce ? TimeSpan.Zero : _options.Jitter * Random.Shared.NextDouble());
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = _time.GetUtcNow();
            var isCheck = now >= nextCheck;
            try
            {
                if (isCheck)
                {
                    await RunPassAsync(stoppingToken).ConfigureAwait(false);
                }
                else
                {
                    await DeliverPendingAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (IsPassFailure(ex))
            {
                PassFailed(_logger, ex.GetType().Name, ex.Message);
            }

            if (isCheck)
            {
                nextCheck = _options.RunOnce ? DateTimeOffset.MaxValue : now + _options.CheckInterval + (_options.Jitter * Random.Shared.NextDouble());
            }

            if (_options.RunOnce && _pending.IsEmpty)
            {
                _lifetime.StopApplication();
                return;
            }

            var wake = _pending.Values.Select(p => p.NextAttemptAt).Append(nextCheck).Min();
            var wait = wake - _time.GetUtcNow();
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, _time, stoppingToken).ConfigureAwait(false);
        }
    }

    private static bool IsPassFailure(Exception ex) =>
        ex is OAuthClientsApiException or HttpRequestException or TimeoutException or DbException or InvalidOperationException;

    private async Task<RotationPassResult> PassAsync(bool dryRun, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!dryRun && _stores.Count == 0)
            {
                throw new InvalidOperationException("No secret store is registered: register at least one ISecretStore, or a new secret would have nowhere to go.");
            }

            if (!_initialized)
            {
                await _ledger.InitializeAsync(cancellationToken).ConfigureAwait(false);
                _initialized = true;
            }

            var startedAt = _time.GetUtcNow();
            var delivered = dryRun ? [] : await DeliverDueAsync(cancellationToken).ConfigureAwait(false);
            var results = new ConcurrentBag<ClientRotationResult>(delivered);
            var api = _clients.CreateClient(_options.ClientName);
            var records = await _ledger.ReadAllAsync(cancellationToken).ConfigureAwait(false);
            var due = new List<OAuthClient>();
            TimeSpan? oldest = null;
            await foreach (var client in api.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!IsSelected(client) || _pending.ContainsKey(client.Id) || delivered.Exists(r => r.ClientId == client.Id))
                {
                    continue;
                }

                var (isDue, reason, age) = Evaluate(client, records.GetValueOrDefault(client.Id), startedAt);
                oldest = age > oldest || oldest is null ? age : oldest;
                if (!isDue)
                {
                    results.Add(Result(client, RotationOutcome.NotDue, reason));
                }
                else if (dryRun)
                {
                    _telemetry.Rotation("would_rotate");
                    results.Add(Result(client, RotationOutcome.WouldRotate, reason));
                }
                else
                {
                    due.Add(client);
                }
            }

            await Parallel.ForEachAsync(
                due,
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken },
                async (client, token) => results.Add(await RotateOneAsync(api, client, token).ConfigureAwait(false))).ConfigureAwait(false);

            if (!dryRun)
            {
                _status.OldestSecretAge = oldest;
                _status.LastPassAt = startedAt;
                _status.LastPassFailed = results.Any(r => r.Outcome == RotationOutcome.Failed);
            }

            var report = new RotationPassResult { StartedAt = startedAt, DryRun = dryRun, Clients = [.. results] };
            PassDone(_logger, dryRun, results.Count(r => r.Outcome is RotationOutcome.Rotated or RotationOutcome.Recovered or RotationOutcome.WouldRotate), results.Count(r => r.Outcome == RotationOutcome.DeliveryPending), results.Count(r => r.Outcome == RotationOutcome.Failed));
            return report;
        }
        catch (Exception ex) when (IsPassFailure(ex) && !dryRun)
        {
            _status.LastPassFailed = true;
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DeliverPendingAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await DeliverDueAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<List<ClientRotationResult>> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var results = new List<ClientRotationResult>();
        var now = _time.GetUtcNow();
        foreach (var pending in _pending.Values.Where(p => p.NextAttemptAt <= now).ToList())
        {
            results.Add(await DeliverAsync(pending, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private bool IsSelected(OAuthClient client) =>
        client.IsConfidential
        && (_options.ClientIds.Count == 0 || _options.ClientIds.Contains(client.Id, StringComparer.Ordinal))
        && (_options.Filter?.Invoke(client) ?? true);

    private (bool Due, string Reason, TimeSpan? Age) Evaluate(OAuthClient client, RotationRecord? record, DateTimeOffset now)
    {
        if (record is { IsInterrupted: true })
        {
            return (true, $"a rotation started at {record.StartedAt:u} never delivered its secret ({record.State}): the old secret may be dead, so it is rotated again", null);
        }

        if ((record?.LastRotatedAt ?? client.CreatedAt) is not { } issuedAt)
        {
            return (true, "the secret's age is unknown (never rotated here, and the provider gives no creation time)", null);
        }

        var age = now - issuedAt;
        var source = record?.LastRotatedAt is null ? "created" : "last rotated";
        return age >= _options.MaxSecretAge
            ? (true, $"the secret is {age.TotalDays:0.#} days old ({source} {issuedAt:u}; at most {_options.MaxSecretAge.TotalDays:0.#})", age)
            : (false, $"the secret is {age.TotalDays:0.#} days old ({source} {issuedAt:u}; at most {_options.MaxSecretAge.TotalDays:0.#})", age);
    }

    /// <summary>One client's failure (deleted meanwhile, the ledger unreachable) does not stop the others.</summary>
    private async Task<ClientRotationResult> RotateOneAsync(IOAuthClientsClient api, OAuthClient listed, CancellationToken cancellationToken)
    {
        try
        {
            return await RotateAsync(api, listed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsPassFailure(ex))
        {
            ClientFailed(_logger, listed.ClientId, ex.GetType().Name, ex.Message);
            return Result(listed, RotationOutcome.Failed, $"the client could not be rotated ({ex.GetType().Name}) before its rotate request was sent; it is tried again next pass");
        }
    }

    private async Task<ClientRotationResult> RotateAsync(IOAuthClientsClient api, OAuthClient listed, CancellationToken cancellationToken)
    {
        var heldLock = await _lock.TryAcquireAsync(listed.Id, cancellationToken).ConfigureAwait(false);
        if (heldLock is null)
        {
            return Result(listed, RotationOutcome.LockedElsewhere, "another host or process is rotating this client");
        }

        var handedOver = false;
        try
        {
            // Under the lock, the ledger is the truth: another host may have finished this client since the listing.
            var record = await _ledger.ReadAsync(listed.Id, cancellationToken).ConfigureAwait(false);
            var (isDue, reason, _) = Evaluate(listed, record, _time.GetUtcNow());
            if (!isDue)
            {
                return Result(listed, RotationOutcome.NotDue, reason);
            }

            var recovery = record is { IsInterrupted: true };
            if (recovery)
            {
                Recovering(_logger, listed.ClientId, record!.State, record.StartedAt);
            }

            // The full client: list items may be summaries without grant types.
            var client = await api.GetAsync(listed.Id, cancellationToken).ConfigureAwait(false);
            var startedAt = _time.GetUtcNow();
            var started = new RotationRecord { ClientId = client.Id, State = RotationState.Started, LastRotatedAt = record?.LastRotatedAt, StartedAt = startedAt, UpdatedAt = startedAt };
            await _ledger.WriteAsync(started, cancellationToken).ConfigureAwait(false);
            ClientSecret secret;
            try
            {
                secret = await api.RotateSecretAsync(client.Id, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OAuthClientsApiException or HttpRequestException or TimeoutException)
            {
                _telemetry.Rotation("failed");
                RotateFailed(_logger, client.ClientId, ex.GetType().Name, ex.Message);
                return Result(client, RotationOutcome.Failed, $"the rotate request failed ({ex.GetType().Name}); its outcome is unknown, so the next pass rotates again");
            }

            var rotatedAt = _time.GetUtcNow();
            var pending = new PendingDelivery(client, secret, heldLock, _stores, startedAt, rotatedAt, recovery);
            _pending[client.Id] = pending;
            _status.DeliveryPending();
            handedOver = true;
            _telemetry.Rotation(recovery ? "recovered" : "rotated");
            await WriteQuietlyAsync(started with { State = RotationState.Rotated, UpdatedAt = rotatedAt }).ConfigureAwait(false);
            return await DeliverAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!handedOver)
            {
                await ReleaseAsync(heldLock, listed.ClientId).ConfigureAwait(false);
            }
        }
    }

    private async Task<ClientRotationResult> DeliverAsync(PendingDelivery pending, CancellationToken cancellationToken)
    {
        var client = pending.Client;
        if (pending.HeldLock.IsLost)
        {
            return await DropAsync(pending).ConfigureAwait(false);
        }

        foreach (var store in pending.RemainingStores.ToList())
        {
            try
            {
                await store.SetSecretAsync(client, pending.Secret, cancellationToken).ConfigureAwait(false);
                pending.RemainingStores.Remove(store);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The exception's message is not logged: a store's message could quote what it was given.
                _telemetry.DeliveryFailure(store.Name);
                pending.FailedAttempts++;
                var delay = TimeSpan.FromTicks(Math.Min(
                    _options.MaxDeliveryRetryDelay.Ticks,
                    _options.DeliveryRetryDelay.Ticks * (long)Math.Pow(2, Math.Min(pending.FailedAttempts - 1, 30))));
                pending.NextAttemptAt = _time.GetUtcNow() + delay;
                DeliveryFailed(_logger, store.Name, client.ClientId, ex.GetType().FullName ?? ex.GetType().Name, delay);
            }
        }

        var outcome = pending.Recovery ? RotationOutcome.Recovered : RotationOutcome.Rotated;
        if (pending.RemainingStores.Count > 0)
        {
            return Result(client, RotationOutcome.DeliveryPending, $"{pending.RemainingStores.Count} secret store(s) have not taken the new secret; retried at {pending.NextAttemptAt:u}");
        }

        if (pending.HeldLock.IsLost)
        {
            return await DropAsync(pending).ConfigureAwait(false);
        }

        await WriteQuietlyAsync(new RotationRecord { ClientId = client.Id, State = RotationState.Delivered, LastRotatedAt = pending.RotatedAt, StartedAt = pending.StartedAt, UpdatedAt = _time.GetUtcNow() }).ConfigureAwait(false);
        var verification = _options.Verify
            ? await _verifier.VerifyAsync(client, pending.Secret, cancellationToken).ConfigureAwait(false)
            : SecretVerification.Skipped;
        if (verification != SecretVerification.Skipped)
        {
            var accepted = verification == SecretVerification.Accepted;
            _telemetry.Verification(verification.ToString().ToLowerInvariant());
            _status.Verified(client.Id, accepted);
            if (!accepted)
            {
                VerificationFailed(_logger, client.ClientId, verification);
            }

            await WriteQuietlyAsync(new RotationRecord { ClientId = client.Id, State = accepted ? RotationState.Verified : RotationState.VerificationFailed, LastRotatedAt = pending.RotatedAt, StartedAt = pending.StartedAt, UpdatedAt = _time.GetUtcNow() }).ConfigureAwait(false);
        }

        if (_pending.TryRemove(client.Id, out _))
        {
            _status.DeliveryEnded();
        }

        await ReleaseAsync(pending.HeldLock, pending.Client.ClientId).ConfigureAwait(false);
        Rotated(_logger, client.ClientId, outcome, verification);
        return Result(client, outcome, pending.Recovery ? "an interrupted rotation was recovered" : "rotated and delivered to every store", verification);
    }

    /// <summary>
    /// The lock was lost while the secret waited: another host may be recovering the client with a newer secret, which
    /// ours must not overwrite in the stores. The ledger is left as it is, so whoever holds the lock next recovers it.
    /// </summary>
    private async Task<ClientRotationResult> DropAsync(PendingDelivery pending)
    {
        if (_pending.TryRemove(pending.Client.Id, out _))
        {
            _status.DeliveryEnded();
        }

        _telemetry.Rotation("lock_lost");
        LockLost(_logger, pending.Client.ClientId);
        await ReleaseAsync(pending.HeldLock, pending.Client.ClientId).ConfigureAwait(false);
        return Result(pending.Client, RotationOutcome.Failed, "the client's lock was lost before the new secret was recorded as delivered; the secret was dropped and the next holder of the lock recovers the client");
    }

    /// <summary>
    /// A ledger write after the rotate call must not lose the secret we hold: on failure it is logged, and the ledger's
    /// older state (at worst "started") makes the next pass rotate again rather than trust a lost secret.
    /// </summary>
    private async Task WriteQuietlyAsync(RotationRecord record)
    {
        try
        {
            await _ledger.WriteAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            LedgerWriteFailed(_logger, record.ClientId, record.State, ex.GetType().Name);
        }
    }

    private async ValueTask AbandonPendingAsync()
    {
        foreach (var pending in _pending.Values.ToList())
        {
            if (_pending.TryRemove(pending.Client.Id, out _))
            {
                _status.DeliveryEnded();
                SecretAbandoned(_logger, pending.Client.ClientId);
                await ReleaseAsync(pending.HeldLock, pending.Client.ClientId).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A lock that cannot be released cleanly (its database connection already gone) is released by the server anyway:
    /// that must not turn a finished rotation into a failure.
    /// </summary>
    private async ValueTask ReleaseAsync(ISecretRotationLockHandle heldLock, string clientId)
    {
        try
        {
            await heldLock.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException)
        {
            ReleaseFailed(_logger, clientId, ex.GetType().Name);
        }
    }

    private static ClientRotationResult Result(OAuthClient client, RotationOutcome outcome, string reason, SecretVerification verification = SecretVerification.Skipped) =>
        new() { ClientId = client.Id, Name = client.Name, Outcome = outcome, Reason = reason, Verification = verification };

    [LoggerMessage(Level = LogLevel.Information, Message = "Rotation pass done (dry run: {DryRun}): {Rotated} rotated, {Pending} pending delivery, {Failed} failed")]
    private static partial void PassDone(ILogger logger, bool dryRun, int rotated, int pending, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rotation pass failed ({ErrorType}), will try again next pass: {Reason}")]
    private static partial void PassFailed(ILogger logger, string errorType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovering client {ClientId}: a rotation started at {StartedAt} stopped at {State} before its secret was delivered; rotating again now")]
    private static partial void Recovering(ILogger logger, string clientId, RotationState state, DateTimeOffset startedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not rotate the secret of {ClientId} ({ErrorType}: {Reason}); the outcome is unknown, so the next pass rotates it again")]
    private static partial void RotateFailed(ILogger logger, string clientId, string errorType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not rotate client {ClientId} ({ErrorType}: {Reason}); its secret is unchanged, and the next pass tries again")]
    private static partial void ClientFailed(ILogger logger, string clientId, string errorType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Secret store {Store} failed to take the new secret of {ClientId} ({ErrorType}); the secret is held in memory and retried in {Delay}")]
    private static partial void DeliveryFailed(ILogger logger, string store, string clientId, string errorType, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The provider did not accept the new secret of {ClientId} at its token endpoint ({Verification}); it is not rotated again for this")]
    private static partial void VerificationFailed(ILogger logger, string clientId, SecretVerification verification);

    [LoggerMessage(Level = LogLevel.Information, Message = "Client {ClientId}: {Outcome}, verification {Verification}")]
    private static partial void Rotated(ILogger logger, string clientId, RotationOutcome outcome, SecretVerification verification);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record state {State} of client {ClientId} in the ledger ({ErrorType}); the next pass may rotate it again")]
    private static partial void LedgerWriteFailed(ILogger logger, string clientId, RotationState state, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "The lock of client {ClientId} was lost while its new secret waited for delivery: the secret is dropped, and the next holder of the lock rotates the client again")]
    private static partial void LockLost(ILogger logger, string clientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the lock of client {ClientId} cleanly ({ErrorType}); the database or the operating system releases it with its connection or file")]
    private static partial void ReleaseFailed(ILogger logger, string clientId, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopping with the new secret of {ClientId} undelivered: it is lost, and the next pass (on any host) rotates the client again")]
    private static partial void SecretAbandoned(ILogger logger, string clientId);
}
