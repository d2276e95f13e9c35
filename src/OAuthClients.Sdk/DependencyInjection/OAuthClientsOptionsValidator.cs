using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;
using OAuthClients.Sdk.Dialects;

namespace OAuthClients.Sdk.DependencyInjection;

/// <summary>Validates options at start-up with the same rules the client's constructors apply.</summary>
internal sealed class OAuthClientsOptionsValidator(IEnumerable<OAuthClientsTokenProviderRegistration> tokenProviders) : IValidateOptions<OAuthClientsOptions>
{
    public ValidateOptionsResult Validate(string? name, OAuthClientsOptions options)
    {
        var problems = DialectRegistry.Validate(options, tokenProviders.Any(provider => provider.Name == (name ?? string.Empty)));
        var registration = string.IsNullOrEmpty(name) ? "the unnamed OAuthClients.Sdk client" : $"the OAuthClients.Sdk client '{name}'";
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(problem => $"{registration}: {problem}"));
    }
}
