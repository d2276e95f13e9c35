using System;
using System.Collections.Generic;
using System.Linq;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Sync.Internal;

/// <summary>Matches a document to the server's clients and decides each client's action, deletes first.</summary>
internal static class Planner
{
    public static SyncPlan Plan(ClientsDocument document, IReadOnlyList<OAuthClient> server, PlanOptions options)
    {
        var repeated = server.GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (repeated.Length > 0)
        {
            throw new ClientsSyncException($"The server listed the client(s) {string.Join(", ", repeated)} more than once: the listing cannot be trusted, so there is no plan.");
        }

        var entries = new List<PlannedChange>();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var desired in document.Clients)
        {
            var candidates = desired.Key is { } key
                ? server.Where(c => c.ClientId == key || c.Id == key).ToArray()
                : server.Where(c => c.Name == desired.Name).ToArray();
            if (candidates.Length > 1)
            {
                throw new ClientsSyncException($"{candidates.Length} server clients match the key '{desired.MatchKey}' ({string.Join(", ", candidates.Select(c => c.ClientId))}): give the document's client an explicit key (its client id) or rename one of them. There is no plan.");
            }

            if (candidates.Length == 0)
            {
                if (desired.Key is not null)
                {
                    throw new ClientsSyncException($"The key '{desired.Key}' names no server client: an explicit key is the client id of an existing client. Remove it to create the client by name. There is no plan.");
                }

                entries.Add(new PlannedChange { Action = SyncAction.Create, Key = desired.MatchKey, Desired = desired, Changes = ClientDiff.Created(desired) });
                continue;
            }

            var current = candidates[0];
            matched.Add(current.Id);
            var (updatable, unchangeable) = ClientDiff.Compare(desired, current);
            entries.Add(unchangeable.Count > 0
                ? new PlannedChange
                {
                    Action = SyncAction.Replace, Key = desired.MatchKey, Id = current.Id, ClientId = current.ClientId, Desired = desired,
                    Changes = [.. unchangeable, .. updatable],
                    Reason = $"{string.Join(", ", unchangeable.Select(c => c.Member))} cannot change after creation: the client is deleted and created again (new client id and secret)"
                        + (options.AllowReplace ? "." : "; not allowed (PlanOptions.AllowReplace), so apply refuses this plan."),
                }
                : new PlannedChange
                {
                    Action = updatable.Count > 0 ? SyncAction.Update : SyncAction.Unchanged, Key = desired.MatchKey, Id = current.Id, ClientId = current.ClientId,
                    Desired = desired, Changes = updatable,
                });
        }

        entries.AddRange(Extras(server.Where(c => !matched.Contains(c.Id)), options));
        return new SyncPlan
        {
            Fingerprint = Fingerprint.Of(server),
            Options = options,
            Entries = entries.OrderBy(e => Order(e.Action)).ThenBy(e => e.Key, StringComparer.Ordinal).ToArray(),
        };
    }

    /// <summary>Refuses, before anything is written, a plan that apply must not carry out.</summary>
    public static void CheckApplicable(SyncPlan plan, bool hasSecretStore)
    {
        if (!plan.Options.AllowReplace && plan.Count(SyncAction.Replace) > 0)
        {
            throw new ClientsSyncException($"The plan replaces {plan.Count(SyncAction.Replace)} client(s) and replacing is not allowed (PlanOptions.AllowReplace): nothing was applied.");
        }

        var deletes = plan.Count(SyncAction.Delete) + plan.Count(SyncAction.Disable);
        if (deletes > 0 && (!plan.Options.AllowDeletes || deletes > plan.Options.MaxDeletes
            || plan.Entries.Any(e => e.Action is SyncAction.Delete or SyncAction.Disable && IsProtected(e, plan.Options))))
        {
            throw new ClientsSyncException("The plan deletes clients its own rules do not allow (deletes off, over the maximum, or a protected key): nothing was applied.");
        }

        if (!hasSecretStore && plan.Entries.Any(e => e.Action is SyncAction.Create or SyncAction.Replace && e.Desired?.IsConfidential != false))
        {
            throw new ClientsSyncException("The plan creates confidential clients and no secret store is configured (ClientsSyncOptions.SecretStores): their secrets would be lost. Nothing was applied.");
        }
    }

    private static IEnumerable<PlannedChange> Extras(IEnumerable<OAuthClient> extras, PlanOptions options)
    {
        var planned = new List<PlannedChange>();
        foreach (var client in extras)
        {
            var entry = new PlannedChange { Action = SyncAction.Retain, Key = client.Name, Id = client.Id, ClientId = client.ClientId };
            var removed = new[] { new MemberChange("client", client.Name + " (" + client.ClientId + ")", null) };
            planned.Add(!options.AllowDeletes
                ? entry with { Reason = "not in the document; deletes are off (PlanOptions.AllowDeletes)" }
                : IsProtected(entry, options)
                    ? entry with { Reason = "not in the document; protected (PlanOptions.ProtectedKeys)" }
                    : options.DisableBeforeDelete && client.IsActive
                        ? entry with { Action = SyncAction.Disable, Changes = [new MemberChange("isActive", "true", "false")], Reason = "not in the document; disabled now, deleted by a later run" }
                        : entry with { Action = SyncAction.Delete, Changes = removed, Reason = "not in the document" });
        }

        var deletes = planned.Count(e => e.Action is SyncAction.Delete or SyncAction.Disable);
        if (deletes > options.MaxDeletes)
        {
            throw new ClientsSyncException($"The plan would delete or disable {deletes} clients, more than the maximum of {options.MaxDeletes} per apply (PlanOptions.MaxDeletes): check the document, then raise the maximum if that is meant. There is no plan.");
        }

        return planned;
    }

    private static bool IsProtected(PlannedChange entry, PlanOptions options) =>
        options.ProtectedKeys.Contains(entry.Key, StringComparer.Ordinal)
        || (entry.ClientId is { } clientId && options.ProtectedKeys.Contains(clientId, StringComparer.Ordinal));

    private static int Order(SyncAction action) => action switch
    {
        SyncAction.Delete => 0,
        SyncAction.Disable => 1,
        SyncAction.Retain => 2,
        SyncAction.Replace => 3,
        SyncAction.Create => 4,
        SyncAction.Update => 5,
        _ => 6,
    };
}
