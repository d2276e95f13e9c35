using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;

namespace OAuthClients.Sdk.Benchmarks.Fakes;

/// <summary>
/// The <see cref="LoopbackServer"/> in a child process (this executable with <c>--serve</c>), so that the process
/// being measured holds only the client: its allocations and thread-pool figures are the client's alone. The child
/// exits when its standard input closes, so it cannot outlive the parent.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private const string ReadyPrefix = "LISTENING ";
    private const string StatsPrefix = "STATS ";
    private readonly Process _process;

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts a server process for <paramref name="surface"/>; <paramref name="pagedTotal"/> switches to a list of that many clients in pages of 100.</summary>
    public static ServerProcess Start(Surface surface, int? pagedTotal = null)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }

        start.ArgumentList.Add("--serve");
        start.ArgumentList.Add(surface.ToString());
        if (pagedTotal is { } total)
        {
            start.ArgumentList.Add(total.ToString(CultureInfo.InvariantCulture));
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        var line = process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The server process did not start: '{line}'.");
        }

        return new ServerProcess(process, new Uri(line[ReadyPrefix.Length..]));
    }

    /// <summary>The child's side: serves until standard input closes, answering <c>stats</c> and <c>reset</c>.</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        var surface = Enum.Parse<Surface>(args[0]);
        var api = args.Length > 1 ? FakeApi.Paged(surface, int.Parse(args[1], CultureInfo.InvariantCulture), 100) : FakeApi.For(surface);
        await using var server = await LoopbackServer.StartAsync(api).ConfigureAwait(false);
        Console.Out.WriteLine(ReadyPrefix + server.BaseAddress);
        Console.Out.Flush();
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } command)
        {
            if (command == "reset")
            {
                server.ResetStats();
            }

            var s = server.Stats;
            Console.Out.WriteLine(FormattableString.Invariant($"{StatsPrefix}{s.AcceptedConnections} {s.OpenConnections} {s.MaxOpenConnections} {s.Requests}"));
            Console.Out.Flush();
        }

        return 0;
    }

    public ServerStats Stats() => Ask("stats");

    public ServerStats Reset() => Ask("reset");

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private ServerStats Ask(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
        var line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The server process exited.");
        var parts = line[StatsPrefix.Length..].Split(' ');
        return new ServerStats(
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            int.Parse(parts[1], CultureInfo.InvariantCulture),
            int.Parse(parts[2], CultureInfo.InvariantCulture),
            long.Parse(parts[3], CultureInfo.InvariantCulture));
    }
}
