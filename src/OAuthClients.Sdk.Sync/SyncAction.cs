namespace OAuthClients.Sdk.Sync;

/// <summary>What a plan does to one client.</summary>
public enum SyncAction
{
    /// <summary>Nothing: the server client is as the document says.</summary>
    Unchanged,

    /// <summary>Deletes a server client the document does not name (only when deletes are allowed).</summary>
    Delete,

    /// <summary>Disables a server client the document does not name, to delete it on a later run (<see cref="PlanOptions.DisableBeforeDelete"/>).</summary>
    Disable,

    /// <summary>Leaves a server client the document does not name alone: deletes are off, or its key is protected.</summary>
    Retain,

    /// <summary>Creates a client the server lacks.</summary>
    Create,

    /// <summary>Updates the members that differ.</summary>
    Update,

    /// <summary>Deletes and creates again: a member that cannot change after creation differs (needs <see cref="PlanOptions.AllowReplace"/>).</summary>
    Replace,
}
