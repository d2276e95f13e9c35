using OAuthClients.Sdk.TestSupport;
using Xunit;

namespace OAuthClients.Sdk.Tests.PublicApi;

/// <summary>The public APIs of the core, Testing and HealthChecks packages, approved in checked-in files (see <see cref="ApprovedPublicApi"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void OAuthClientsSdk_PublicApi_MatchesTheApprovedFile() =>
        ApprovedPublicApi.Verify(typeof(OAuthClientsClient).Assembly, "OAuthClients.Sdk");

    [Fact]
    public void OAuthClientsSdkTesting_PublicApi_MatchesTheApprovedFile() =>
        ApprovedPublicApi.Verify(typeof(Sdk.Testing.FakeOAuthClientsServer).Assembly, "OAuthClients.Sdk.Testing");

    [Fact]
    public void OAuthClientsSdkHealthChecks_PublicApi_MatchesTheApprovedFile() =>
        ApprovedPublicApi.Verify(typeof(OAuthClientsHealthChecksBuilderExtensions).Assembly, "OAuthClients.Sdk.HealthChecks");
}
