using System;

namespace OAuthClients.Sdk.Testing.Internal;

/// <summary>A fake dialect whose users log in to sessions (Cerberus).</summary>
internal interface IFakeLogin
{
    /// <summary>Gets the service account every fake starts with.</summary>
    FakeAccount DefaultAccount { get; }

    /// <summary>Adds or replaces (by email) an account.</summary>
    void AddAccount(FakeAccount account);

    /// <summary>Options that log in as <paramref name="account"/>.</summary>
    OAuthClientsOptions CreateLoginOptions(Uri baseAddress, FakeAccount account);
}
