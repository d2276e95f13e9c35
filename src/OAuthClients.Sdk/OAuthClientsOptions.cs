using System;
using OAuthClients.Sdk.Internal;

namespace OAuthClients.Sdk;

/// <summary>
/// The settings of an <see cref="OAuthClientsClient"/>: which provider, where, and with which credentials.
/// Bindable from <c>IConfiguration</c>; validated when the client is created (or at start-up through
/// <c>AddOAuthClientsSdk</c>), with a message that names the wrong setting.
/// </summary>
/// <remarks>
/// The client copies these settings when it is created; later changes to this object have no effect on it.
/// An empty string is no value: setting a text option to <c>""</c> (or leaving <c>"ApiKey": ""</c> as a placeholder in
/// appsettings.json) leaves it unset.
/// </remarks>
public class OAuthClientsOptions
{
    /// <summary>The default value of <see cref="SessionCookieName"/>.</summary>
    public const string DefaultSessionCookieName = "cerberus_session";

    private string? _tenant;
    private string? _apiKey;
    private string? _sessionCookie;
    private string? _csrfToken;

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
    /// Gets or sets which of LumoAuth's admin APIs to speak. A tenant that follows LumoAuth's admin documentation, CLI or
    /// OpenAPI specification needs <see cref="Sdk.LumoAuthApi.Clients"/>. Not used by Cerberus.
    /// </summary>
    /// <value>The default value is <see cref="Sdk.LumoAuthApi.OAuthClients"/> (<c>/t/{tenant}/api/v1/admin/oauth-clients</c>).</value>
    public LumoAuthApi LumoAuthApi { get; set; }

    /// <summary>
    /// Gets or sets how the paths of LumoAuth's <see cref="Sdk.LumoAuthApi.Clients"/> API name the tenant:
    /// <c>/t/{tenant}</c> or <c>/orgs/{orgId}</c>, both filled from <see cref="Tenant"/>. Only used with that API.
    /// </summary>
    /// <value>The default value is <see cref="Sdk.LumoAuthRoutePrefix.Tenant"/>.</value>
    public LumoAuthRoutePrefix LumoAuthRoutePrefix { get; set; }

    /// <summary>
    /// Gets or sets the tenant. LumoAuth: the tenant slug of the path (<c>/t/{tenant}/...</c>, or the org id of
    /// <c>/orgs/{orgId}/...</c>), required.
    /// Cerberus: the organisation slug sent as the <c>X-Org-Domain</c> header, when set.
    /// </summary>
    public string? Tenant { get => _tenant; set => _tenant = Setting.OrUnset(value); }

    /// <summary>
    /// Gets or sets the admin API key, sent as <c>Authorization: Bearer &lt;key&gt;</c>, except with LumoAuth's
    /// <see cref="Sdk.LumoAuthApi.Clients"/> API, which takes it in <c>X-API-Key</c> (and never with <c>Authorization</c>). One credential
    /// is set per client: this, <see cref="ClientCredentials"/> (LumoAuth), <see cref="Login"/> or <see cref="SessionCookie"/>
    /// (Cerberus), or a registered <see cref="IOAuthClientsTokenProvider"/>.
    /// </summary>
    public string? ApiKey { get => _apiKey; set => _apiKey = Setting.OrUnset(value); }

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
    public string? SessionCookie { get => _sessionCookie; set => _sessionCookie = Setting.OrUnset(value); }

    /// <summary>
    /// Gets or sets the name of the Cerberus session cookie. Newer Cerberus servers use <c>cerb_sid</c>.
    /// </summary>
    /// <value>The default value is <c>cerberus_session</c>.</value>
    public string SessionCookieName { get; set; } = DefaultSessionCookieName;

    /// <summary>
    /// Gets or sets the initial Cerberus CSRF token (session mode). Optional: the client keeps the token up to date
    /// from the server's responses, and obtains one when it has none.
    /// </summary>
    public string? CsrfToken { get => _csrfToken; set => _csrfToken = Setting.OrUnset(value); }

    /// <summary>The default value of <see cref="MaxResponseSize"/>: 4 MiB.</summary>
    public const int DefaultMaxResponseSize = 4 * 1024 * 1024;

    /// <summary>The longest <see cref="Timeout"/> and <see cref="MaxRetryDelay"/> accepted: one hour.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets the time one attempt of a request may take before it fails with a <see cref="TimeoutException"/>.
    /// At most <see cref="MaxDuration"/>, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
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
    /// <c>RetryAfter</c>) is thrown, so the caller decides. At most <see cref="MaxDuration"/>.
    /// </summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the largest response body, in bytes, that the client reads: a single client, a secret, an error,
    /// or one item of a list (lists are read item by item, so a list may be longer). A larger body fails with an
    /// <see cref="Errors.OAuthClientsApiException"/> after no more than this many bytes were read, whatever its
    /// <c>Content-Length</c> announced. Between 1 KiB and 256 MiB.
    /// </summary>
    /// <value>The default value is <see cref="DefaultMaxResponseSize"/> (4 MiB).</value>
    public int MaxResponseSize { get; set; } = DefaultMaxResponseSize;
}
