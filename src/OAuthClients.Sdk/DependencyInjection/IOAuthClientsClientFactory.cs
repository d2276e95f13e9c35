using System;

#pragma warning disable IDE0130 // The DI surface lives in the package's root namespace, so one using reaches it.
namespace OAuthClients.Sdk;

/// <summary>
/// Creates the clients registered by name with
/// <see cref="OAuthClientsServiceCollectionExtensions.AddOAuthClientsSdk(Microsoft.Extensions.DependencyInjection.IServiceCollection, string, Action{OAuthClientsOptions})"/>,
/// for apps that talk to several providers or tenants side by side.
/// </summary>
public interface IOAuthClientsClientFactory
{
    /// <summary>Creates the client registered under <paramref name="name"/>. Clients of one name share their credential state.</summary>
    /// <param name="name">The name given to <c>AddOAuthClientsSdk</c>; <see cref="string.Empty"/> for the unnamed registration.</param>
    /// <returns>A client for that registration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">No client is registered under <paramref name="name"/>.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The registration's options are invalid.</exception>
    IOAuthClientsClient CreateClient(string name);
}
