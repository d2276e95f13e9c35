using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace OAuthClients.Sdk.Rotation.Internal;

/// <summary>Checks the options at start-up; messages name the setting and say why. The connection string is never quoted.</summary>
internal sealed class SecretRotationOptionsValidator : IValidateOptions<SecretRotationOptions>
{
    public ValidateOptionsResult Validate(string? name, SecretRotationOptions options)
    {
        var problems = new List<string>();
        Positive(options.MaxSecretAge, nameof(options.MaxSecretAge), problems);
        Positive(options.CheckInterval, nameof(options.CheckInterval), problems);
        Positive(options.DeliveryRetryDelay, nameof(options.DeliveryRetryDelay), problems);
        if (options.MaxDeliveryRetryDelay < options.DeliveryRetryDelay)
        {
            problems.Add("SecretRotation:MaxDeliveryRetryDelay must not be shorter than DeliveryRetryDelay.");
        }

        if (options.Jitter < TimeSpan.Zero || options.Jitter > options.CheckInterval)
        {
            problems.Add("SecretRotation:Jitter must be between zero and CheckInterval.");
        }

        if (options.MaxConcurrency is < 1 or > 64)
        {
            problems.Add("SecretRotation:MaxConcurrency must be between 1 and 64.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            problems.Add($"SecretRotation:ConnectionString is required for the {options.Ledger} ledger.");
        }
        else if (options.Ledger == LedgerProvider.Sqlite && !IsSqliteFile(options.ConnectionString))
        {
            problems.Add("SecretRotation:ConnectionString must name a SQLite file (Data Source=path): an in-memory ledger would forget every rotation at restart.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Positive(TimeSpan value, string setting, List<string> problems)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(3650))
        {
            problems.Add($"SecretRotation:{setting} must be positive and at most 3650 days.");
        }
    }

    private static bool IsSqliteFile(string connectionString)
    {
        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            return !string.IsNullOrWhiteSpace(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
