using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OAuthClients.Sdk.Cli.Output;

/// <summary>Writes results to standard output: a table for people, JSON for machines.</summary>
internal sealed class Renderer(Terminal terminal, bool json)
{
    public bool Json => json;

    public void Clients(IReadOnlyList<ClientView> clients)
    {
        if (json)
        {
            Write(clients, OutputJsonContext.Default.IReadOnlyListClientView);
            return;
        }

        Table(
            ["ID", "CLIENT ID", "NAME", "TYPE", "ACTIVE"],
            clients.Select(c => new[] { c.Id, c.ClientId, c.Name, c.IsConfidential ? "confidential" : "public", YesNo(c.IsActive) }));
        terminal.Out.WriteLine($"{clients.Count} client(s)");
    }

    public void Client(ClientView client)
    {
        if (json)
        {
            Write(client, OutputJsonContext.Default.ClientView);
            return;
        }

        var rows = new List<(string, string)>
        {
            ("Id", client.Id),
            ("Client id", client.ClientId),
            ("Name", client.Name),
            ("Description", client.Description ?? "-"),
            ("Type", client.IsConfidential ? "confidential" : "public"),
            ("Active", YesNo(client.IsActive)),
            ("Application type", client.ApplicationType ?? "-"),
            ("Redirect URIs", List(client.RedirectUris, client.IsSummary)),
            ("Scopes", List(client.AllowedScopes, client.IsSummary)),
            ("Grant types", List(client.GrantTypes, client.IsSummary)),
            ("Allowed origins", List(client.AllowedOrigins, client.IsSummary)),
            ("Require PKCE", YesNo(client.RequirePkce)),
            ("Require consent", YesNo(client.RequireConsent)),
            ("Access token lifetime", client.AccessTokenLifetimeSeconds.ToString(CultureInfo.InvariantCulture) + " s"),
            ("Refresh token lifetime", client.RefreshTokenLifetimeSeconds.ToString(CultureInfo.InvariantCulture) + " s"),
            ("Created", Time(client.CreatedAt)),
            ("Updated", Time(client.UpdatedAt)),
        };
        AddSecret(rows, client.Secret, client.SecretFile);
        Properties(rows);
    }

    public void Secret(SecretView secret)
    {
        if (json)
        {
            Write(secret, OutputJsonContext.Default.SecretView);
            return;
        }

        var rows = new List<(string, string)> { ("Id", secret.Id) };
        AddSecret(rows, secret.Secret, secret.SecretFile);
        Properties(rows);
    }

    public void Action(ActionView action)
    {
        if (json)
        {
            Write(action, OutputJsonContext.Default.ActionView);
            return;
        }

        terminal.Out.WriteLine($"{action.Id}: {action.Action}");
    }

    public void Identity(IdentityView identity)
    {
        if (json)
        {
            Write(identity, OutputJsonContext.Default.IdentityView);
            return;
        }

        Properties(
        [
            ("Id", identity.Id ?? "-"),
            ("Email", identity.Email ?? "-"),
            ("Name", identity.Name ?? "-"),
            ("Organisation", identity.OrganisationName ?? identity.Organisation ?? identity.OrganisationId ?? "-"),
            ("MFA enabled", identity.MfaEnabled is { } mfa ? YesNo(mfa) : "-"),
            ("Roles", List(identity.Roles, summary: false)),
            ("Permissions", List(identity.Permissions, summary: false)),
            ("Can read clients", identity.CanReadClients is { } read ? YesNo(read) : "-"),
        ]);
    }

    public void RotationPass(RotationPassView pass)
    {
        if (json)
        {
            Write(pass, OutputJsonContext.Default.RotationPassView);
            return;
        }

        Table(["CLIENT ID", "NAME", "OUTCOME", "REASON"], pass.Clients.Select(c => new[] { c.ClientId, c.Name, c.Outcome, c.Reason }));
        terminal.Out.WriteLine(pass.DryRun ? "Dry run: nothing was rotated (pass --apply to rotate)." : $"{pass.Clients.Count} client(s) checked.");
    }

    private static void AddSecret(List<(string, string)> rows, string? secret, string? secretFile)
    {
        if (secret is not null)
        {
            rows.Add(("Secret", secret));
        }

        if (secretFile is not null)
        {
            rows.Add(("Secret saved to", secretFile));
        }
    }

    private void Write<T>(T value, JsonTypeInfo<T> typeInfo) => terminal.Out.WriteLine(JsonSerializer.Serialize(value, typeInfo));

    private void Table(string[] headers, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(headers).ToList();
        var widths = headers.Select((_, column) => all.Max(row => row[column].Length)).ToArray();
        foreach (var row in all)
        {
            terminal.Out.WriteLine(string.Join("  ", row.Select((cell, column) => column == row.Length - 1 ? cell : cell.PadRight(widths[column]))).TrimEnd());
        }
    }

    private void Properties(IReadOnlyList<(string Name, string Value)> rows)
    {
        var width = rows.Max(row => row.Name.Length);
        foreach (var (name, value) in rows)
        {
            terminal.Out.WriteLine($"{(name + ":").PadRight(width + 1)}  {value}");
        }
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string List(IReadOnlyList<string> values, bool summary) =>
        summary && values.Count == 0 ? "(not in the list: get the client)" : values.Count == 0 ? "-" : string.Join(", ", values);

    private static string Time(DateTimeOffset? time) => time?.ToString("u", CultureInfo.InvariantCulture) ?? "-";
}
