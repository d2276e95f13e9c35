using System;
using System.CommandLine;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using OAuthClients.Sdk.Cli.Commands;
using OAuthClients.Sdk.Cli.Connection;
using OAuthClients.Sdk.Errors;

namespace OAuthClients.Sdk.Cli;

/// <summary>The command tree and the one place where outcomes become exit codes.</summary>
internal static class Cli
{
    public static RootCommand Build(Terminal terminal)
    {
        var services = new CommandServices(new ConnectionOptions(), terminal);
        var root = new RootCommand(
            """
            oauthclients: manage the OAuth clients of a LumoAuth or Cerberus IAM tenant.

            Connection: --dialect, --base-address, --tenant (or OAUTHCLIENTS_* variables, or a profile of the settings file).
            API key: OAUTHCLIENTS_API_KEY, --api-key-file FILE or --api-key-stdin.
            Exit codes: 0 success, 1 API error, 2 usage error (nothing sent), 3 drift found (drift, plan --detailed-exitcode), 4 server unreachable or timed out, 5 partially done.

            Examples:
              export OAUTHCLIENTS_DIALECT=LumoAuth OAUTHCLIENTS_BASE_ADDRESS=https://auth.example.com OAUTHCLIENTS_TENANT=acme
              export OAUTHCLIENTS_API_KEY_FILE=~/.secrets/lumoauth-admin-key
              oauthclients whoami
              oauthclients clients list
              oauthclients --profile prod clients rotate-secret 42 --secret-out ./billing.secret
              oauthclients plan --file oauth-clients.json --out plan.json && oauthclients apply --plan plan.json --secret-dir ./secrets
            """);
        foreach (var option in services.Connection.All)
        {
            root.Options.Add(option);
        }

        root.Options.Add(services.OutputFormat);
        root.Subcommands.Add(ClientsCommands.Build(services));
        root.Subcommands.Add(WhoAmICommand.Build(services));
        root.Subcommands.Add(RotateDueCommand.Build(services));
        foreach (var command in ClientsAsCodeCommands.Build(services))
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    public static async Task<int> RunAsync(string[] args, Terminal terminal)
    {
        var parse = Build(terminal).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                terminal.Error.WriteLine("error: " + error.Message);
            }

            terminal.Error.WriteLine("Run 'oauthclients --help' (or the command with --help) for usage.");
            return ExitCode.UsageError;
        }

        var configuration = new InvocationConfiguration { Output = terminal.Out, Error = terminal.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(configuration).ConfigureAwait(false);
        }
        catch (Exception ex) when (Classify(ex) is { } code)
        {
            terminal.Error.WriteLine("error: " + Describe(ex));
            return code;
        }
    }

    private static int? Classify(Exception ex) => ex switch
    {
        UsageException or OptionsValidationException or ArgumentException or NotSupportedException => ExitCode.UsageError,
        OAuthClientsApiException or SyncRefusedException => ExitCode.ApiError,
        HttpRequestException or TimeoutException => ExitCode.Unreachable,
        _ => null,
    };

    // The SDK's messages are secret-free by contract; an API error adds its status, code and request id.
    private static string Describe(Exception ex) => ex switch
    {
        OAuthClientsApiException api => $"{api.Message} (HTTP {(int)api.StatusCode}{(api.ErrorCode is null ? string.Empty : ", " + api.ErrorCode)}{(api.RequestId is null ? string.Empty : ", request " + api.RequestId)})",
        _ => ex.Message,
    };
}
