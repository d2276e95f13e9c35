using System;
using Xunit;

namespace OAuthClients.Sdk.Tests.Contract;

/// <summary>
/// A test that needs Stoplight Prism mocking LumoAuth's spec at <c>OAUTHCLIENTS_PRISM_URL</c> (<c>.ci/run</c> starts it);
/// skipped when that variable is not set.
/// </summary>
public sealed class PrismFactAttribute : FactAttribute
{
    public const string UrlVariable = "OAUTHCLIENTS_PRISM_URL";

    public PrismFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(UrlVariable)))
        {
            Skip = $"Prism is not running: .ci/run starts it and sets {UrlVariable}.";
        }
    }
}
