using Microsoft.Extensions.Configuration;

namespace OAuthClients.Sdk.Secrets.Internal;

internal sealed class SecretFilesConfigurationSource(string directory, string sectionName) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new SecretFilesConfigurationProvider(directory, sectionName);
}
