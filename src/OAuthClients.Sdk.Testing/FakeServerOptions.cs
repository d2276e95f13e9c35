using System;

namespace OAuthClients.Sdk.Testing;

/// <summary>How a <see cref="FakeOAuthClientsServer"/> keeps time and, for Cerberus, how long its login sessions last.</summary>
public sealed class FakeServerOptions
{
    /// <summary>Gets or sets the clock of session lifetimes and idle timeouts; a fake clock lets a test expire a session without waiting.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets how long a Cerberus login session lasts (its cookie's <c>Max-Age</c>, the organisation's <c>sessionLifetime</c>).</summary>
    /// <value>The default value is one hour.</value>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets how long an unused Cerberus login session stays valid (the organisation's <c>sessionIdleTimeout</c>).</summary>
    /// <value>The default value is 30 minutes.</value>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
