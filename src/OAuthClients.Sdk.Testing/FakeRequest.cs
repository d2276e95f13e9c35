namespace OAuthClients.Sdk.Testing;

/// <summary>A request the fake server received: method, path and query, and body. Header values are not kept.</summary>
/// <param name="Method">The HTTP method, such as <c>POST</c>.</param>
/// <param name="Path">The path and query, such as <c>/v1/admin/clients</c>.</param>
/// <param name="Body">The body, or <see langword="null"/> when there was none.</param>
public sealed record FakeRequest(string Method, string Path, string? Body);
