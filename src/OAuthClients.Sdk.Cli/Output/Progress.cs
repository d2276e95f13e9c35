using System.Globalization;

namespace OAuthClients.Sdk.Cli.Output;

/// <summary>Progress of long work, on standard error and only when it is a terminal (never in a pipeline's output or log).</summary>
internal sealed class Progress(Terminal terminal, string format)
{
    private const int Every = 100;
    private bool _shown;

    public void Report(int count)
    {
        if (terminal.IsErrorRedirected || count % Every != 0)
        {
            return;
        }

        terminal.Error.Write("\r" + string.Format(CultureInfo.InvariantCulture, format, count));
        _shown = true;
    }

    public void Done()
    {
        if (_shown)
        {
            terminal.Error.WriteLine();
        }
    }
}
