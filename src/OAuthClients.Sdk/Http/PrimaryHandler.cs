#if NET
using System;
#endif
using System.Net.Http;

namespace OAuthClients.Sdk.Http;

/// <summary>The innermost handler the SDK configures: no redirects (credentials stay on their host), no cookie jar.</summary>
internal static class PrimaryHandler
{
    public static HttpMessageHandler Create() =>
#if NET
        new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,

            // A long-lived client still notices DNS changes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
#else
        new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
#endif
}
