namespace OAuthClients.Sdk.DependencyInjection;

/// <summary>Marks a name as registered, so the factory can tell a typo from a registration.</summary>
internal sealed record OAuthClientsRegistration(string Name)
{
    private const string Prefix = "OAuthClients.Sdk";

    public static string HttpClientName(string name) => name.Length == 0 ? Prefix : $"{Prefix}:{name}";

    /// <summary>The registration name behind an <see cref="HttpClientName"/>, or <see langword="null"/> for another client's.</summary>
    public static string? FromHttpClientName(string? httpClientName) =>
        httpClientName == Prefix ? string.Empty
        : httpClientName is not null && httpClientName.StartsWith(Prefix + ":", System.StringComparison.Ordinal) ? httpClientName.Substring(Prefix.Length + 1)
        : null;
}
