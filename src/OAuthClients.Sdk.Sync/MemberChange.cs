namespace OAuthClients.Sdk.Sync;

/// <summary>One member of one client, before and after (as text: lists sorted, lifetimes in seconds).</summary>
/// <param name="Member">The member, as the document names it (for example <c>redirectUris</c>).</param>
/// <param name="Before">The server's value; <see langword="null"/> for a create.</param>
/// <param name="After">The document's value; <see langword="null"/> for a delete.</param>
public sealed record MemberChange(string Member, string? Before, string? After);
