namespace OAuthClients.Sdk.Internal;

/// <summary>The one rule for option values: an empty string is no value (a placeholder, not a credential).</summary>
internal static class Setting
{
    public static string? OrUnset(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
