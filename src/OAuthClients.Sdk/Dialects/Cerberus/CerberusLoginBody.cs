namespace OAuthClients.Sdk.Dialects.Cerberus;

/// <summary>The body of <c>POST /v1/auth/login</c>.</summary>
internal sealed class CerberusLoginBody
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}
