namespace OAuthClients.Sdk.Sync;

/// <summary>A planned entry that failed.</summary>
/// <param name="Change">The entry.</param>
/// <param name="Error">What went wrong (the exception's message; the SDK never puts a secret in one).</param>
/// <param name="OutcomeUnknown">Whether the write may have happened anyway (a create whose response was lost): the next plan tells.</param>
public sealed record FailedChange(PlannedChange Change, string Error, bool OutcomeUnknown);
