using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OAuthClients.Sdk.Cli.Output;
using OAuthClients.Sdk.Rotation;

namespace OAuthClients.Sdk.Cli.Commands;

/// <summary>
/// <c>oauthclients rotate-due</c>: one pass of the rotation package over the tenant. A dry run by default (what is due,
/// nothing sent but reads); with <c>--apply</c> the due secrets are rotated and delivered to a file store, never printed.
/// </summary>
internal static class RotateDueCommand
{
    public static Command Build(CommandServices services)
    {
        var maxAge = new Option<int>("--max-age-days") { Description = "A secret older than this many days is due.", DefaultValueFactory = _ => 90 };
        var clientIds = new Option<string[]>("--client-id") { Description = "Only these clients (repeat for several); all confidential clients otherwise." };
        var apply = new Option<bool>("--apply") { Description = "Rotate the due secrets (without it: a dry run)." };
        var ledger = new Option<FileInfo>("--ledger") { Description = "The SQLite ledger of past rotations.", DefaultValueFactory = _ => new FileInfo("oauthclients-rotation.db") };
        var secretDirectory = new Option<DirectoryInfo?>("--secret-dir") { Description = "Where --apply delivers the new secrets (one owner-only file per client); required with --apply." };
        var noVerify = new Option<bool>("--no-verify") { Description = "Do not verify a new secret with a client-credentials token request." };
        var command = new Command("rotate-due", ClientsCommands.Help(
            "Finds the clients whose secret is older than --max-age-days (a dry run, the default), or rotates them (--apply). Exit code 5 when some rotated and some failed.",
            "oauthclients rotate-due --max-age-days 30",
            "oauthclients rotate-due --apply --secret-dir /run/secrets/oauth --ledger /var/lib/oauthclients/rotation.db"))
        {
            maxAge, clientIds, apply, ledger, secretDirectory, noVerify,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var isApply = parse.GetValue(apply);
            var directory = parse.GetValue(secretDirectory);
            if (isApply && directory is null)
            {
                throw new UsageException("Refused before sending: --apply issues new secrets; pass --secret-dir DIR so that they are saved.");
            }

            if (parse.GetValue(maxAge) <= 0)
            {
                throw new UsageException("--max-age-days must be positive.");
            }

            if (directory is not null && !directory.Exists)
            {
                throw new UsageException($"--secret-dir: the directory '{directory.FullName}' does not exist.");
            }

            await using var session = services.Open(parse, rotationServices =>
            {
                rotationServices.AddSingleton<IHostApplicationLifetime, CommandLifetime>();
                rotationServices.AddSecretRotation(options =>
                {
                    options.DryRun = !isApply;
                    options.RunOnce = true;
                    options.MaxSecretAge = TimeSpan.FromDays(parse.GetValue(maxAge));
                    options.Verify = !parse.GetValue(noVerify);
                    options.Ledger = LedgerProvider.Sqlite;
                    options.ConnectionString = "Data Source=" + parse.GetValue(ledger)!.FullName;
                    foreach (var id in parse.GetValue(clientIds) ?? [])
                    {
                        options.ClientIds.Add(id);
                    }
                });
                if (directory is not null)
                {
                    rotationServices.AddFileSecretStore(directory.FullName);
                }
            });
            var rotation = session.Services.GetRequiredService<SecretRotationService>();
            var result = await rotation.RunPassAsync(cancellationToken).ConfigureAwait(false);
            session.Output.RotationPass(RotationPassView.From(result));
            return ExitCodeOf(result);
        });
        return command;
    }

    private static int ExitCodeOf(RotationPassResult result)
    {
        var failed = result.Clients.Count(c => c.Outcome is RotationOutcome.Failed or RotationOutcome.DeliveryPending);
        var done = result.Clients.Count(c => c.Outcome is RotationOutcome.Rotated or RotationOutcome.Recovered);
        return failed == 0 ? ExitCode.Success : done > 0 ? ExitCode.PartiallyApplied : ExitCode.ApiError;
    }

    /// <summary>The tool is not a host: the rotation service's "stop the application" after its one pass has nothing to stop.</summary>
    private sealed class CommandLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
