using System.CommandLine;
using OAuthClients.Sdk.Cli.Output;

namespace OAuthClients.Sdk.Cli.Commands;

/// <summary><c>oauthclients whoami</c>: who the credential is, and whether it can read clients.</summary>
internal static class WhoAmICommand
{
    public static Command Build(CommandServices services)
    {
        var command = new Command("whoami", ClientsCommands.Help(
            "Shows who the configured credential is: user or key, organisation, roles and permissions.",
            "oauthclients whoami",
            "oauthclients --profile prod whoami --output json"));
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var session = services.Open(parse);
            session.Output.Identity(IdentityView.From(await session.Client.WhoAmIAsync(cancellationToken).ConfigureAwait(false)));
            return ExitCode.Success;
        });
        return command;
    }
}
