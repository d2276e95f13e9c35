using OAuthClients.Sdk.TestSupport;
using Xunit;

namespace OAuthClients.Sdk.Sync.Tests.PublicApi;

/// <summary>The public API of the Sync package, approved in a checked-in file (see <see cref="ApprovedPublicApi"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void OAuthClientsSdkSync_PublicApi_MatchesTheApprovedFile() =>
        ApprovedPublicApi.Verify(typeof(ClientsSync).Assembly, "OAuthClients.Sdk.Sync");
}
