using System;

namespace OAuthClients.Sdk.DependencyInjection;

/// <summary>The token provider of one registration name, created once, when the first client of that name is. The last one added for a name wins.</summary>
internal sealed record OAuthClientsTokenProviderRegistration(string Name, Func<IServiceProvider, IOAuthClientsTokenProvider> Create);
