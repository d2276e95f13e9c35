using System.Collections.Generic;

namespace OAuthClients.Sdk.Sync;

/// <summary>The safety rules of a plan. The defaults delete nothing and replace nothing.</summary>
public sealed record PlanOptions
{
    /// <summary>The default <see cref="MaxDeletes"/>.</summary>
    public const int DefaultMaxDeletes = 10;

    /// <summary>Gets whether server clients the document does not name are deleted (or disabled). Off by default.</summary>
    public bool AllowDeletes { get; init; }

    /// <summary>Gets keys (names or client ids) that are never deleted or disabled, whatever the document says.</summary>
    public IReadOnlyCollection<string> ProtectedKeys { get; init; } = [];

    /// <summary>Gets the most deletes (and disables) one plan may hold; a plan that needs more stops with an error. Default 10.</summary>
    public int MaxDeletes { get; init; } = DefaultMaxDeletes;

    /// <summary>Gets whether an enabled client is first disabled, and deleted only by a later run that finds it disabled.</summary>
    public bool DisableBeforeDelete { get; init; }

    /// <summary>Gets whether a client whose unchangeable members differ may be replaced (deleted and created again, with a new client id and secret).</summary>
    public bool AllowReplace { get; init; }
}
