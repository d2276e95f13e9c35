namespace OAuthClients.Sdk.Dialects;

/// <summary>A page of a paginated list: its 1-based number and, when the server said, its size.</summary>
internal readonly record struct ListPage(int Number, int? Size);
