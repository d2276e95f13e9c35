using System.Collections.Generic;
using System.Text;

namespace OAuthClients.Sdk.Testing;

/// <summary>
/// A Cerberus user the fake lets log in (<c>POST /v1/auth/login</c>), for tests of login mode: see
/// <see cref="FakeOAuthClientsServer.AddAccount"/>.
/// </summary>
/// <param name="Email">The login email.</param>
/// <param name="Password">The password.</param>
public sealed record FakeAccount(string Email, string Password)
{
    /// <summary>The permissions an account has unless told otherwise: every client permission.</summary>
    public static readonly IReadOnlyList<string> AllClientPermissions = ["clients:read", "clients:create", "clients:update", "clients:delete"];

    /// <summary>Gets a value indicating whether a login is refused with 401 <c>Multi-factor authentication required</c> (<c>requiresMfa</c>).</summary>
    public bool RequiresMfa { get; init; }

    /// <summary>Gets a value indicating whether a login is refused with 401 <c>MFA enrollment required before logging in</c> (<c>requiresEnrollment</c>).</summary>
    public bool RequiresMfaEnrollment { get; init; }

    /// <summary>Gets a value indicating whether a login is refused with 401 <c>Account is blocked</c>.</summary>
    public bool IsBlocked { get; init; }

    /// <summary>Gets the permissions the account's sessions have; a request without its permission gets 403 <c>Missing permission: clients:...</c>.</summary>
    public IReadOnlyList<string> Permissions { get; init; } = AllClientPermissions;

    // Names the account without its password, and shows the permissions rather than the list's type.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Email = ").Append(Email).Append(", RequiresMfa = ").Append(RequiresMfa)
            .Append(", RequiresMfaEnrollment = ").Append(RequiresMfaEnrollment).Append(", IsBlocked = ").Append(IsBlocked)
            .Append(", Permissions = [").Append(string.Join(", ", Permissions)).Append(']');
        return true;
    }
}
