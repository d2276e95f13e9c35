using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Secrets;
using OAuthClients.Sdk.Sync;

namespace OAuthClients.Sdk.Cli.Commands;

/// <summary>
/// Clients as code: <c>plan</c>, <c>apply</c>, <c>drift</c> and <c>export</c>, over <see cref="ClientsSync"/>. Plans and
/// drift print as text in a terminal and as JSON when redirected (or <c>--output json</c>); secrets only ever go to the
/// file store of <c>apply --secret-dir</c>.
/// </summary>
internal static class ClientsAsCodeCommands
{
    public static Command[] Build(CommandServices services) => [Plan(services), Apply(services), Drift(services), Export(services)];

    private static Option<FileInfo> FileOption() => new("--file", "-f")
    {
        Description = "The clients document (oauth-clients.json).",
        Required = true,
    };

    private static Command Plan(CommandServices services)
    {
        var file = FileOption();
        var outFile = new Option<FileInfo?>("--out") { Description = "Save the plan (JSON) to FILE, for 'oauthclients apply --plan FILE'." };
        var allowDeletes = new Option<bool>("--allow-deletes") { Description = "Delete server clients the document does not name (otherwise they are retained)." };
        var protect = new Option<string[]>("--protect") { Description = "A key (name) never deleted; repeat for several." };
        var maxDeletes = new Option<int>("--max-deletes") { Description = "Refuse a plan that deletes more clients than this.", DefaultValueFactory = _ => PlanOptions.DefaultMaxDeletes };
        var disableBeforeDelete = new Option<bool>("--disable-before-delete") { Description = "Disable the clients to delete instead of deleting them." };
        var allowReplace = new Option<bool>("--allow-replace") { Description = "Replace (delete and create) a client whose unchangeable members differ." };
        var detailed = new Option<bool>("--detailed-exitcode") { Description = "Exit 3 when the plan has changes (0 when none)." };
        var command = new Command("plan", ClientsCommands.Help(
            "Compares the document with the tenant and prints what apply would do; nothing is written to the tenant. With --detailed-exitcode: exit 3 when there are changes.",
            "oauthclients plan --file oauth-clients.json",
            "oauthclients plan --file oauth-clients.json --out plan.json --detailed-exitcode",
            "oauthclients plan --file oauth-clients.json --allow-deletes --protect Admin --max-deletes 2 --out plan.json"))
        {
            file, outFile, allowDeletes, protect, maxDeletes, disableBeforeDelete, allowReplace, detailed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(maxDeletes) < 0)
            {
                throw new UsageException("--max-deletes must be 0 or more.");
            }

            var document = await LoadAsync(parse.GetValue(file)!, cancellationToken).ConfigureAwait(false);
            var options = new PlanOptions
            {
                AllowDeletes = parse.GetValue(allowDeletes),
                ProtectedKeys = parse.GetValue(protect) ?? [],
                MaxDeletes = parse.GetValue(maxDeletes),
                DisableBeforeDelete = parse.GetValue(disableBeforeDelete),
                AllowReplace = parse.GetValue(allowReplace),
            };
            await using var session = services.Open(parse);
            var plan = await Run(() => new ClientsSync(session.Client).PlanAsync(document, options, cancellationToken)).ConfigureAwait(false);
            if (parse.GetValue(outFile) is { } saved)
            {
                await File.WriteAllTextAsync(saved.FullName, SyncPlanRenderer.ToJson(plan), cancellationToken).ConfigureAwait(false);
            }

            Write(session.Terminal, session.Output.Json ? SyncPlanRenderer.ToJson(plan) : SyncPlanRenderer.ToText(plan));
            return parse.GetValue(detailed) && !plan.IsEmpty ? ExitCode.DriftFound : ExitCode.Success;
        });
        return command;
    }

    private static Command Apply(CommandServices services)
    {
        var planFile = new Option<FileInfo>("--plan") { Description = "The saved plan (from 'oauthclients plan --out FILE'), applied exactly.", Required = true };
        var secretDirectory = new Option<DirectoryInfo?>("--secret-dir") { Description = "Where the secrets of created confidential clients go (one owner-only file per client, the directory created owner-only if missing); required when the plan creates one." };
        var command = new Command("apply", ClientsCommands.Help(
            "Applies exactly a saved plan, after checking that the tenant has not changed since (a stale plan is refused, exit 1). Secrets of created clients go to --secret-dir, never to the output. Exit code 5 when some changes were made and some failed.",
            "oauthclients apply --plan plan.json --secret-dir /run/secrets/oauth",
            "oauthclients apply --plan plan.json --output json"))
        {
            planFile, secretDirectory,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(planFile)!;
            if (!path.Exists)
            {
                throw new UsageException($"--plan: the file '{path.FullName}' does not exist.");
            }

            SyncPlan plan;
            try
            {
                plan = SyncPlanRenderer.ReadJson(await File.ReadAllTextAsync(path.FullName, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is ClientsDocumentException or ClientsSyncException or System.Text.Json.JsonException or FormatException or InvalidOperationException)
            {
                throw new UsageException($"--plan: '{path.FullName}' is not a saved plan: {ex.Message}");
            }

            var directory = parse.GetValue(secretDirectory);
            if (directory is null && plan.Entries.Any(e => e.Action is SyncAction.Create or SyncAction.Replace && e.Desired?.IsConfidential != false))
            {
                throw new UsageException("Refused before sending: the plan creates confidential clients, whose secrets are shown only once; pass --secret-dir DIR so that they are saved.");
            }

            await using var session = services.Open(parse);
            var options = new ClientsSyncOptions { SecretStores = directory is null ? [] : [new FileSecretStore(directory.FullName)] };
            var result = await Run(() => new ClientsSync(session.Client, options).ApplyAsync(plan, cancellationToken)).ConfigureAwait(false);
            Write(session.Terminal, session.Output.Json ? SyncPlanRenderer.ToJson(result) : SyncPlanRenderer.ToText(result));
            return result.Succeeded ? ExitCode.Success : result.Done.Count > 0 ? ExitCode.PartiallyApplied : ExitCode.ApiError;
        });
        return command;
    }

    private static Command Drift(CommandServices services)
    {
        var file = FileOption();
        var command = new Command("drift", ClientsCommands.Help(
            "Says whether the tenant is as the document says: exit 0 in sync, 3 on drift (the differences are printed). Nothing is written.",
            "oauthclients drift --file oauth-clients.json",
            "oauthclients drift --file oauth-clients.json --output json"))
        {
            file,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var document = await LoadAsync(parse.GetValue(file)!, cancellationToken).ConfigureAwait(false);
            await using var session = services.Open(parse);
            var drift = await Run(() => new ClientsSync(session.Client).DriftAsync(document, cancellationToken)).ConfigureAwait(false);
            Write(session.Terminal, session.Output.Json ? SyncPlanRenderer.ToJson(drift) : SyncPlanRenderer.ToText(drift));
            return drift.HasDrift ? ExitCode.DriftFound : ExitCode.Success;
        });
        return command;
    }

    private static Command Export(CommandServices services)
    {
        var outFile = new Option<FileInfo?>("--out") { Description = "Write the document to FILE (standard output otherwise)." };
        var command = new Command("export", ClientsCommands.Help(
            "Writes the tenant's clients as a clients document, the way to adopt an existing tenant. Secrets are never read or written.",
            "oauthclients export",
            "oauthclients export --out oauth-clients.json"))
        {
            outFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var session = services.Open(parse);
            var document = await Run(() => new ClientsSync(session.Client).ExportAsync(cancellationToken)).ConfigureAwait(false);
            var json = ClientsDocumentSerializer.Serialize(document);
            if (parse.GetValue(outFile) is { } saved)
            {
                await File.WriteAllTextAsync(saved.FullName, json, cancellationToken).ConfigureAwait(false);
                session.Terminal.Error.WriteLine($"Exported {document.Clients.Count} client(s) to {saved.FullName}.");
            }
            else
            {
                Write(session.Terminal, json);
            }

            return ExitCode.Success;
        });
        return command;
    }

    private static async Task<ClientsDocument> LoadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new UsageException($"--file: the file '{file.FullName}' does not exist.");
        }

        try
        {
            return await ClientsDocumentSerializer.LoadAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        }
        catch (ClientsDocumentException ex)
        {
            throw new UsageException($"--file: {ex.Message}");
        }
    }

    // A stale plan, or a plan or document the sync refuses, is an error of its own: exit 1, with its message.
    private static async Task<T> Run<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (ClientsDocumentException ex)
        {
            throw new UsageException(ex.Message);
        }
        catch (ClientsSyncException ex)
        {
            throw new SyncRefusedException(ex.Message, ex);
        }
    }

    private static void Write(Terminal terminal, string text)
    {
        terminal.Out.WriteLine(text.TrimEnd('\n', '\r'));
    }
}

/// <summary>The sync refused (a stale plan, a plan its own rules do not allow, clients it cannot tell apart): exit 1.</summary>
internal sealed class SyncRefusedException(string message, Exception inner) : Exception(message, inner);
