using OAuthClients.Sdk.Cli;

return await Cli.RunAsync(args, Terminal.FromConsole()).ConfigureAwait(false);
