using OAuthClients.Sdk.Secrets;
using OAuthClients.Sdk.TestSupport;
using Xunit;

namespace OAuthClients.Sdk.Rotation.Tests.PublicApi;

/// <summary>The public APIs of the Secrets and Rotation packages, approved in checked-in files (see <see cref="ApprovedPublicApi"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void OAuthClientsSdkSecrets_PublicApi_MatchesTheApprovedFile() =>
        ApprovedPublicApi.Verify(typeof(ISecretStore).Assembly, "OAuthClients.Sdk.Secrets");

    [Fact]
    public void OAuthClientsSdkRotation_PublicApi_MatchesTheApprovedFile() =>
        ApprovedPublicApi.Verify(typeof(SecretRotationService).Assembly, "OAuthClients.Sdk.Rotation");
}
