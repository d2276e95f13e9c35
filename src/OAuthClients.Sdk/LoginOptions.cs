using System;
using OAuthClients.Sdk.Internal;

namespace OAuthClients.Sdk;

/// <summary>
/// The Cerberus service account the SDK logs in with (<c>POST /v1/auth/login</c>) to keep an admin session alive for
/// unattended use, instead of a pasted <see cref="OAuthClientsOptions.SessionCookie"/>. Bindable from configuration as
/// <c>OAuthClients:Login:Email</c> and <c>OAuthClients:Login:Password</c>.
/// </summary>
/// <remarks>
/// The SDK logs in on first use, keeps the session cookie and its CSRF companion, logs in again before the session's
/// <c>Max-Age</c> runs out, after an idle gap longer than <see cref="IdleTimeout"/>, and once after a 401 (replaying
/// the refused request), shares one login between concurrent callers, and logs out when the client (or the host) is
/// disposed. The account must not require multi-factor authentication. Neither the email nor the password is ever
/// logged or put in a message.
/// </remarks>
public class LoginOptions
{
    /// <summary>The default value of <see cref="IdleTimeout"/>: Cerberus' default <c>sessionIdleTimeout</c>.</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(30);

    private string? _email;
    private string? _password;

    /// <summary>Gets or sets the email of the service account. An empty value is unset.</summary>
    public string? Email { get => _email; set => _email = Setting.OrUnset(value); }

    /// <summary>Gets or sets the password of the service account. An empty value is unset.</summary>
    public string? Password { get => _password; set => _password = Setting.OrUnset(value); }

    /// <summary>
    /// Gets or sets how long the server keeps an unused session (the organisation's <c>sessionIdleTimeout</c>). After
    /// a longer gap the SDK logs in again before sending, instead of learning from a 401.
    /// </summary>
    /// <value>The default value is 30 minutes.</value>
    public TimeSpan IdleTimeout { get; set; } = DefaultIdleTimeout;
}
