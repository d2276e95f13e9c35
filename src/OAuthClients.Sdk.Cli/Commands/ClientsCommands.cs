using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Cli.Output;
using OAuthClients.Sdk.Models;

namespace OAuthClients.Sdk.Cli.Commands;

/// <summary><c>oauthclients clients ...</c>: one subcommand per operation of the SDK's client.</summary>
internal static class ClientsCommands
{
    private static readonly Argument<string> IdArgument = new("id") { Description = "The client's id (as `clients list` shows it)." };

    public static Command Build(CommandServices services)
    {
        var clients = new Command("clients", "List, read, create, change and delete OAuth clients, and rotate their secrets.");
        clients.Subcommands.Add(List(services));
        clients.Subcommands.Add(Get(services));
        clients.Subcommands.Add(Create(services));
        clients.Subcommands.Add(Update(services));
        clients.Subcommands.Add(Delete(services));
        clients.Subcommands.Add(Simple(services, "enable", "Enables a client: it may obtain tokens again.", "enabled", static (c, id, ct) => c.EnableAsync(id, ct)));
        clients.Subcommands.Add(Simple(services, "disable", "Disables a client: it obtains no new tokens.", "disabled", static (c, id, ct) => c.DisableAsync(id, ct)));
        clients.Subcommands.Add(Simple(services, "revoke-tokens", "Revokes a client's live tokens: they stop working.", "tokens revoked", static (c, id, ct) => c.RevokeTokensAsync(id, ct)));
        clients.Subcommands.Add(RotateSecret(services));
        return clients;
    }

    private static Command List(CommandServices services)
    {
        var search = new Option<string?>("--search") { Description = "Only clients whose name matches (LumoAuth's current API)." };
        var pageSize = new Option<int?>("--page-size") { Description = "Items per page request." };
        var full = new Option<bool>("--full") { Description = "Read every client in full where the list returns summaries (redirect URIs, scopes, grant types)." };
        var command = new Command("list", Help("Lists the tenant's clients.", "oauthclients clients list", "oauthclients clients list --full --output json > clients.json"))
        {
            search, pageSize, full,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var session = services.Open(parse);
            var options = new OAuthClientListOptions { Search = parse.GetValue(search), PageSize = parse.GetValue(pageSize), FullClients = parse.GetValue(full) };
            var progress = new Progress(session.Terminal, "Listed {0} client(s)");
            var views = new List<ClientView>();
            await foreach (var client in session.Client.ListAsync(options, cancellationToken).ConfigureAwait(false))
            {
                views.Add(ClientView.From(client));
                progress.Report(views.Count);
            }

            progress.Done();
            session.Output.Clients(views);
            return ExitCode.Success;
        });
        return command;
    }

    private static Command Get(CommandServices services)
    {
        var command = new Command("get", Help("Shows one client.", "oauthclients clients get 42", "oauthclients clients get cli_01h... --output json")) { IdArgument };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var session = services.Open(parse);
            session.Output.Client(ClientView.From(await session.Client.GetAsync(parse.GetValue(IdArgument)!, cancellationToken).ConfigureAwait(false)));
            return ExitCode.Success;
        });
        return command;
    }

    private static Command Create(CommandServices services)
    {
        var name = new Option<string>("--name") { Description = "The client's display name.", Required = true };
        var redirectUris = new Option<string[]>("--redirect-uri") { Description = "A redirect URI (repeat the option for several)." };
        var description = new Option<string?>("--description") { Description = "A description." };
        var isPublic = new Option<bool>("--public") { Description = "A public client (SPA, native app): no secret. Without it the client is confidential." };
        var applicationType = new Option<string?>("--application-type") { Description = "The application type (web, spa, native, m2m...)." };
        var grantTypes = new Option<string[]>("--grant-type") { Description = "A grant type (repeat for several)." };
        var scopes = new Option<string[]>("--scope") { Description = "An allowed scope (repeat for several)." };
        var origins = new Option<string[]>("--origin") { Description = "An allowed CORS origin (repeat for several; Cerberus)." };
        var requirePkce = new Option<bool?>("--require-pkce") { Description = "true or false." };
        var requireConsent = new Option<bool?>("--require-consent") { Description = "true or false." };
        var accessTokenLifetime = new Option<int?>("--access-token-lifetime") { Description = "The access token lifetime, in seconds." };
        var refreshTokenLifetime = new Option<int?>("--refresh-token-lifetime") { Description = "The refresh token lifetime, in seconds." };
        var command = new Command("create", Help(
            "Creates a client. A confidential client's secret is shown only once: pass --secret-out FILE or --reveal-secret (refused before sending otherwise).",
            "oauthclients clients create --name Billing --redirect-uri https://billing.example.com/callback --secret-out billing.secret",
            "oauthclients clients create --name Spa --public --redirect-uri https://app.example.com/cb"))
        {
            name, redirectUris, description, isPublic, applicationType, grantTypes, scopes, origins, requirePkce, requireConsent,
            accessTokenLifetime, refreshTokenLifetime, SecretDestination.RevealOption, SecretDestination.SecretOutOption, SecretDestination.ForceOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var confidential = !parse.GetValue(isPublic);
            var request = new CreateOAuthClientRequest
            {
                Name = parse.GetValue(name)!,
                RedirectUris = parse.GetValue(redirectUris) ?? [],
                Description = parse.GetValue(description),
                IsConfidential = confidential,
                ApplicationType = parse.GetValue(applicationType),
                GrantTypes = Given(parse, grantTypes),
                AllowedScopes = Given(parse, scopes),
                AllowedOrigins = Given(parse, origins),
                RequirePkce = parse.GetValue(requirePkce),
                RequireConsent = parse.GetValue(requireConsent),
                AccessTokenLifetime = Seconds(parse.GetValue(accessTokenLifetime)),
                RefreshTokenLifetime = Seconds(parse.GetValue(refreshTokenLifetime)),
            };
            using var destination = confidential ? SecretDestination.Prepare(parse, "creating a confidential client") : NoSecretExpected(parse);
            await using var session = services.Open(parse);
            var created = await session.Client.CreateAsync(request, cancellationToken).ConfigureAwait(false);
            var view = ClientView.From(created.Client);
            if (created.Secret is { } secret && destination is not null)
            {
                view = view with { SecretFile = destination.Save(secret), Secret = destination.Reveal ? secret.Reveal() : null };
            }

            session.Output.Client(view);
            return ExitCode.Success;
        });
        return command;
    }

    private static Command Update(CommandServices services)
    {
        var name = new Option<string?>("--name") { Description = "A new display name." };
        var description = new Option<string?>("--description") { Description = "A new description." };
        var redirectUris = new Option<string[]>("--redirect-uri") { Description = "Replaces the redirect URIs (repeat for several)." };
        var scopes = new Option<string[]>("--scope") { Description = "Replaces the allowed scopes (repeat for several)." };
        var grantTypes = new Option<string[]>("--grant-type") { Description = "Replaces the grant types (repeat for several)." };
        var origins = new Option<string[]>("--origin") { Description = "Replaces the allowed origins (repeat for several; Cerberus)." };
        var requireConsent = new Option<bool?>("--require-consent") { Description = "true or false." };
        var accessTokenLifetime = new Option<int?>("--access-token-lifetime") { Description = "The access token lifetime, in seconds." };
        var refreshTokenLifetime = new Option<int?>("--refresh-token-lifetime") { Description = "The refresh token lifetime, in seconds." };
        var command = new Command("update", Help(
            "Changes the members given; the others are left as they are.",
            "oauthclients clients update 42 --name \"Billing (EU)\"",
            "oauthclients clients update 42 --redirect-uri https://a.example.com/cb --redirect-uri https://b.example.com/cb"))
        {
            IdArgument, name, description, redirectUris, scopes, grantTypes, origins, requireConsent, accessTokenLifetime, refreshTokenLifetime,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new UpdateOAuthClientRequest
            {
                Name = parse.GetValue(name),
                Description = parse.GetValue(description),
                RedirectUris = Given(parse, redirectUris),
                AllowedScopes = Given(parse, scopes),
                GrantTypes = Given(parse, grantTypes),
                AllowedOrigins = Given(parse, origins),
                RequireConsent = parse.GetValue(requireConsent),
                AccessTokenLifetime = Seconds(parse.GetValue(accessTokenLifetime)),
                RefreshTokenLifetime = Seconds(parse.GetValue(refreshTokenLifetime)),
            };
            if (request == new UpdateOAuthClientRequest())
            {
                throw new UsageException("Nothing to update: pass at least one member to change (see --help).");
            }

            await using var session = services.Open(parse);
            session.Output.Client(ClientView.From(await session.Client.UpdateAsync(parse.GetValue(IdArgument)!, request, cancellationToken).ConfigureAwait(false)));
            return ExitCode.Success;
        });
        return command;
    }

    private static Command Delete(CommandServices services)
    {
        var yes = new Option<bool>("--yes") { Description = "Confirms the delete (it cannot be undone)." };
        var command = new Command("delete", Help("Deletes a client. It cannot be undone: --yes is required.", "oauthclients clients delete 42 --yes")) { IdArgument, yes };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!parse.GetValue(yes))
            {
                throw new UsageException("Refused: a delete cannot be undone; pass --yes to confirm.");
            }

            var id = parse.GetValue(IdArgument)!;
            await using var session = services.Open(parse);
            await session.Client.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
            session.Output.Action(new ActionView(id, "deleted"));
            return ExitCode.Success;
        });
        return command;
    }

    private static Command Simple(CommandServices services, string name, string description, string done, Func<IOAuthClientsClient, string, CancellationToken, Task> operation)
    {
        var command = new Command(name, Help(description, $"oauthclients clients {name} 42")) { IdArgument };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetValue(IdArgument)!;
            await using var session = services.Open(parse);
            await operation(session.Client, id, cancellationToken).ConfigureAwait(false);
            session.Output.Action(new ActionView(id, done));
            return ExitCode.Success;
        });
        return command;
    }

    private static Command RotateSecret(CommandServices services)
    {
        var command = new Command("rotate-secret", Help(
            "Issues a new secret (the old one stops working). The new secret is shown only once: pass --secret-out FILE or --reveal-secret (refused before sending otherwise).",
            "oauthclients clients rotate-secret 42 --secret-out billing.secret --force",
            "oauthclients clients rotate-secret 42 --reveal-secret --output json | jq -r .secret | vault kv put secret/billing value=-"))
        {
            IdArgument, SecretDestination.RevealOption, SecretDestination.SecretOutOption, SecretDestination.ForceOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetValue(IdArgument)!;
            using var destination = SecretDestination.Prepare(parse, "rotating a secret");
            await using var session = services.Open(parse);
            var secret = await session.Client.RotateSecretAsync(id, cancellationToken).ConfigureAwait(false);
            session.Output.Secret(new SecretView(id) { SecretFile = destination.Save(secret), Secret = destination.Reveal ? secret.Reveal() : null });
            return ExitCode.Success;
        });
        return command;
    }

    /// <summary>A public client has no secret: the secret options are a mistake there, not something to ignore.</summary>
    private static SecretDestination? NoSecretExpected(ParseResult parse) =>
        Given(parse, SecretDestination.RevealOption) || Given(parse, SecretDestination.SecretOutOption) || Given(parse, SecretDestination.ForceOption)
            ? throw new UsageException("A public client has no secret: --reveal-secret, --secret-out and --force do not apply.")
            : null;

    private static string[]? Given(ParseResult parse, Option<string[]> option) => Given(parse, (Option)option) ? parse.GetValue(option) : null;

    /// <summary>Whether the option is on the command line (not only its implicit default).</summary>
    private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private static TimeSpan? Seconds(int? seconds) => seconds is { } value ? TimeSpan.FromSeconds(value) : null;

    internal static string Help(string description, params string[] examples) =>
        description + Environment.NewLine + Environment.NewLine + "Examples:" + Environment.NewLine + string.Join(Environment.NewLine, Array.ConvertAll(examples, e => "  " + e));
}
