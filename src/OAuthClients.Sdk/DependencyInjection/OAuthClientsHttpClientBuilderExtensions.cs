using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OAuthClients.Sdk.DependencyInjection;
using OAuthClients.Sdk.Internal;
#if NET
using System.Diagnostics.CodeAnalysis;
#endif

#pragma warning disable IDE0130 // The DI surface lives in the package's root namespace, so one using reaches it.
namespace OAuthClients.Sdk;

/// <summary>Adds credentials to a client registered with <c>AddOAuthClientsSdk</c>.</summary>
public static class OAuthClientsHttpClientBuilderExtensions
{
    /// <summary>
    /// Makes <typeparamref name="TProvider"/> (resolved from the container, and registered as a singleton unless it
    /// already is) the source of the registration's bearer token, in place of <see cref="OAuthClientsOptions.ApiKey"/>.
    /// </summary>
    /// <typeparam name="TProvider">The token provider.</typeparam>
    /// <param name="builder">The builder that <c>AddOAuthClientsSdk</c> returned.</param>
    /// <returns><paramref name="builder"/>, to chain more calls.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="builder"/> is not one that <c>AddOAuthClientsSdk</c> returned.</exception>
    public static IHttpClientBuilder AddOAuthClientsTokenProvider<
#if NET
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TProvider>(this IHttpClientBuilder builder)
        where TProvider : class, IOAuthClientsTokenProvider
    {
        var name = RegistrationName(builder);
        builder.Services.TryAddSingleton<TProvider>();
        return Use(builder, name, services => services.GetRequiredService<TProvider>());
    }

    /// <summary>
    /// Makes <paramref name="getToken"/> the source of the registration's bearer token, in place of
    /// <see cref="OAuthClientsOptions.ApiKey"/>. It is called before every attempt of every request, so it should
    /// be fast (cache the token); when the server refuses a token with 401, the request is sent once more with the
    /// token it returns next.
    /// </summary>
    /// <param name="builder">The builder that <c>AddOAuthClientsSdk</c> returned.</param>
    /// <param name="getToken">Gets the token, given the application's services and the request's cancellation token.</param>
    /// <returns><paramref name="builder"/>, to chain more calls.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="builder"/> is not one that <c>AddOAuthClientsSdk</c> returned.</exception>
    public static IHttpClientBuilder AddOAuthClientsTokenProvider(this IHttpClientBuilder builder, Func<IServiceProvider, CancellationToken, ValueTask<string>> getToken)
    {
        var name = RegistrationName(builder);
        Guard.NotNull(getToken, nameof(getToken));
        return Use(builder, name, services => new DelegateTokenProvider(services, getToken));
    }

    private static string RegistrationName(IHttpClientBuilder builder)
    {
        Guard.NotNull(builder, nameof(builder));
        return OAuthClientsRegistration.FromHttpClientName(builder.Name)
            ?? throw new InvalidOperationException($"AddOAuthClientsTokenProvider applies to the builder that AddOAuthClientsSdk returns, not to the HttpClient '{builder.Name}'.");
    }

    private static IHttpClientBuilder Use(IHttpClientBuilder builder, string name, Func<IServiceProvider, IOAuthClientsTokenProvider> create)
    {
        // When a name is given several providers, the factory uses the last.
        builder.Services.AddSingleton(new OAuthClientsTokenProviderRegistration(name, create));
        return builder;
    }
}
