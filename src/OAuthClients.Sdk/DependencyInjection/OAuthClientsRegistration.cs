namespace OAuthClients.Sdk.DependencyInjection;

/// <summary>Marks a name as registered, so the factory can tell a typo from a registration.</summary>
internal sealed record OAuthClientsRegistration(string Name)
{
    public static string HttpClientName(string name) => name.Length == 0 ? "OAuthClients.Sdk" : "OAuthClients.Sdk:" + name;
}
