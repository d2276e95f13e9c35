using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OAuthClients.Sdk.Sync.Internal;

namespace OAuthClients.Sdk.Sync;

/// <summary>
/// Renders a <see cref="SyncPlan"/> (and a drift or apply result) for people (text: deletes first and marked, per-member before -> after) and for
/// machines (JSON, which <see cref="ReadJson"/> reads back so that a pipeline applies exactly the plan it showed).
/// Credentials in a URI's user-info are masked; a plan holds no secrets.
/// </summary>
public static partial class SyncPlanRenderer
{
    private const string Mask = "****";

    /// <summary>Renders the plan as text: a summary line, then one block per client that changes (deletes first, marked <c>!!</c>).</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="includeUnchanged">Whether unchanged clients are listed too.</param>
    /// <returns>The text, one line per member change.</returns>
    public static string ToText(SyncPlan plan, bool includeUnchanged = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        text.Append("Plan: ")
            .Append(plan.Count(SyncAction.Delete)).Append(" to delete, ")
            .Append(plan.Count(SyncAction.Disable)).Append(" to disable, ")
            .Append(plan.Count(SyncAction.Replace)).Append(" to replace, ")
            .Append(plan.Count(SyncAction.Create)).Append(" to create, ")
            .Append(plan.Count(SyncAction.Update)).Append(" to update, ")
            .Append(plan.Count(SyncAction.Unchanged)).Append(" unchanged, ")
            .Append(plan.Count(SyncAction.Retain)).Append(" retained.").Append('\n');
        foreach (var entry in plan.Entries.Where(e => includeUnchanged || e.Action != SyncAction.Unchanged))
        {
            AppendEntry(text, entry);
        }

        text.Append("Fingerprint: ").Append(plan.Fingerprint).Append('\n');
        return text.ToString();
    }

    /// <summary>Renders a drift result as text: whether there is drift, then one block per client that differs, as in a plan.</summary>
    /// <param name="drift">The drift result.</param>
    /// <returns>The text.</returns>
    public static string ToText(DriftResult drift)
    {
        ArgumentNullException.ThrowIfNull(drift);
        var text = new StringBuilder(drift.HasDrift ? $"Drift: {drift.Differences.Count} client(s) differ from the document.\n" : "No drift: the tenant is as the document says.\n");
        foreach (var entry in drift.Differences)
        {
            AppendEntry(text, entry);
        }

        return text.ToString();
    }

    /// <summary>Renders an apply result as text: a summary line, then what failed (with the error) and what was not done.</summary>
    /// <param name="result">The apply result.</param>
    /// <returns>The text.</returns>
    public static string ToText(ApplyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.Append("Applied: ").Append(result.Done.Count).Append(" done, ").Append(result.Failed.Count).Append(" failed, ")
            .Append(result.NotDone.Count).Append(" not done.").Append('\n');
        foreach (var failed in result.Failed)
        {
            text.Append("!! failed   ").Append(failed.Change.Action.ToString().ToLowerInvariant()).Append(' ').Append(Masked(failed.Change.Key)).Append(": ")
                .Append(Masked(failed.Error)).Append(failed.OutcomeUnknown ? " (it may have happened: plan again to see)" : string.Empty).Append('\n');
        }

        foreach (var notDone in result.NotDone)
        {
            text.Append("   not done ").Append(notDone.Action.ToString().ToLowerInvariant()).Append(' ').Append(Masked(notDone.Key)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Renders a drift result as indented JSON, as <see cref="ToJson(SyncPlan)"/> renders a plan.</summary>
    /// <param name="drift">The drift result.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(DriftResult drift)
    {
        ArgumentNullException.ThrowIfNull(drift);
        return Masked(JsonSerializer.Serialize(drift, SyncJsonContext.Default.DriftResult));
    }

    /// <summary>Renders an apply result as indented JSON, as <see cref="ToJson(SyncPlan)"/> renders a plan.</summary>
    /// <param name="result">The apply result.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(ApplyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Masked(JsonSerializer.Serialize(result, SyncJsonContext.Default.ApplyResult));
    }

    /// <summary>Renders the plan as indented JSON (camelCase; actions as strings), credentials in URIs masked.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(SyncPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Masked(JsonSerializer.Serialize(plan, SyncJsonContext.Default.SyncPlan));
    }

    /// <summary>Reads back a plan rendered by <see cref="ToJson(SyncPlan)"/>, to apply exactly the plan that was shown.</summary>
    /// <param name="json">The plan's JSON.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ClientsSyncException">The text is not a plan.</exception>
    public static SyncPlan ReadJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, SyncJsonContext.Default.SyncPlan) ?? throw new ClientsSyncException("The plan is empty JSON (null).");
        }
        catch (JsonException ex)
        {
            throw new ClientsSyncException($"The text is not a plan at {ex.Path ?? "$"}.", ex);
        }
    }

    private static void AppendEntry(StringBuilder text, PlannedChange entry)
    {
        text.Append(entry.Action switch
        {
            SyncAction.Delete => "!! - delete  ",
            SyncAction.Disable => "!! ~ disable ",
            SyncAction.Replace => "!! * replace ",
            SyncAction.Create => "   + create  ",
            SyncAction.Update => "   ~ update  ",
            SyncAction.Retain => "   = retain  ",
            _ => "   = same    ",
        }).Append(Masked(entry.Key));
        if (entry.ClientId is not null)
        {
            text.Append(" (").Append(entry.ClientId).Append(')');
        }

        if (entry.Reason is not null)
        {
            text.Append(": ").Append(entry.Reason);
        }

        text.Append('\n');
        foreach (var change in entry.Changes)
        {
            text.Append("       ").Append(change.Member).Append(": ")
                .Append(change.Before is null ? "(none)" : Masked(change.Before)).Append(" -> ")
                .Append(change.After is null ? "(none)" : Masked(change.After)).Append('\n');
        }
    }

    private static string Masked(string value) => UserInfo().Replace(value, "://" + Mask + "@");

    [GeneratedRegex(@"://[^/@\s""]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();
}
