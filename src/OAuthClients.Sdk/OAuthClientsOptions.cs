using System;

namespace OAuthClients.Sdk;

/// <summary>
/// The settings of an <see cref="OAuthClientsClient"/>: which provider, where, and with which credentials.
/// Bindable from <c>IConfiguration</c>; validated when the client is created (or at start-up through
/// <c>AddOAuthClientsSdk</c>), with a message that names the wrong setting.
/// </summary>
/// <remarks>The client copies these settings when it is created; later changes to this object have no effect on it.</remarks>
public class OAuthClientsOptions
{
    /// <summary>The default value of <see cref="SessionCookieName"/>.</summary>
    public const string DefaultSessionCookieName = "cerberus_session";

    /// <summary>Gets or sets the identity provider's dialect.</summary>
    /// <value>The default value is <see cref="OAuthDialect.LumoAuth"/>.</value>
    public OAuthDialect Dialect { get; set; }

    /// <summary>
    /// Gets or sets the base address of the provider, for example <c>https://app.lumoauth.dev</c> or
    /// <c>https://iam.example.com</c>. Required. Must be <c>https</c>; plain <c>http</c> is accepted only for loopback
    /// hosts (tests, local development), so that a credential never travels unencrypted.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Gets or sets the tenant. LumoAuth: the tenant slug of the path (<c>/t/{tenant}/...</c>), required.
    /// Cerberus: the organisation slug sent as the <c>X-Org-Domain</c> header, when set.
    /// </summary>
    public string? Tenant { get; set; }

    /// <summary>
    /// Gets or sets the admin API key, sent as <c>Authorization: Bearer &lt;key&gt;</c> in both dialects. One credential
    /// is set per client: this, <see cref="ClientCredentials"/> (LumoAuth), <see cref="Login"/> or <see cref="SessionCookie"/>
    /// (Cerberus), or a registered <see cref="IOAuthClientsTokenProvider"/>.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Gets or sets the LumoAuth admin client whose credentials are exchanged for an admin token, instead of an
    /// <see cref="ApiKey"/>. Not used by Cerberus.
    /// </summary>
    public ClientCredentialsOptions? ClientCredentials { get; set; }

    /// <summary>
    /// Gets or sets the Cerberus service account to log in with (login mode): the SDK then obtains, renews and ends
    /// the session itself. One credential per client: leave <see cref="ApiKey"/> and <see cref="SessionCookie"/>
    /// unset. Not used by LumoAuth.
    /// </summary>
    public LoginOptions? Login { get; set; }

    /// <summary>Gets or sets the value of the Cerberus session cookie (session mode). Not used by LumoAuth.</summary>
    public string? SessionCookie { get; set; }

    /// <summary>
    /// Gets or sets the name of the Cerberus session cookie. Newer Cerberus servers use <c>cerb_sid</c>.
    /// </summary>
    /// <value>The default value is <c>cerberus_session</c>.</value>
    public string SessionCookieName { get; set; } = DefaultSessionCookieName;

    /// <summary>
    /// Gets or sets the initial Cerberus CSRF token (session mode). Optional: the client keeps the token up to date
    /// from the server's responses, and obtains one when it has none.
    /// </summary>
    public string? CsrfToken { get; set; }

    /// <summary>Gets or sets the time one attempt of a request may take before it fails with a <see cref="TimeoutException"/>.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how many times a request is retried after a transient failure. Reads, updates and deletes are
    /// retried on connection failures, timeouts, 408, 429, 500, 502, 503 and 504; creates and secret rotations only
    /// on 429 and on a connection that failed before the request was sent, because repeating them is not safe.
    /// </summary>
    /// <value>The default value is 3. 0 turns retries off.</value>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// Gets or sets the longest wait before a retry. Backoff delays are capped at it; when the server's
    /// <c>Retry-After</c> asks for longer, the request is not retried and the error (with its
    /// <c>RetryAfter</c>) is thrown, so the caller decides.
    /// </summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
