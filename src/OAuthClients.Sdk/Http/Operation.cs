namespace OAuthClients.Sdk.Http;

/// <summary>
/// What a request is for: its name in telemetry, and, for writes, what the caller must know when the server may have
/// acted but its answer was lost.
/// </summary>
internal sealed record Operation(string Name, string? UnknownOutcome)
{
    /// <summary>Gets the name of the operation's activity, built once rather than per call.</summary>
    public string ActivityName { get; } = $"OAuthClients {Name}";

    public static Operation List { get; } = new("list", null);

    public static Operation Get { get; } = new("get", null);

    public static Operation Create { get; } = new("create", "the client may have been created: list the clients before creating it again, and rotate its secret if you need one");

    public static Operation Update { get; } = new("update", "the update may have been applied");

    public static Operation Delete { get; } = new("delete", null);

    public static Operation Enable { get; } = new("enable", null);

    public static Operation Disable { get; } = new("disable", null);

    public static Operation RevokeTokens { get; } = new("revoke_tokens", null);

    public static Operation GetScopes { get; } = new("get_scopes", null);

    public static Operation ReplaceScopes { get; } = new("replace_scopes", "the scopes may have been replaced");

    public static Operation WhoAmI { get; } = new("who_am_i", null);

    public static Operation RotateSecret { get; } = new("rotate_secret", "the secret may have been rotated, so the old one may no longer work: rotate again to get a secret you can read");
}
