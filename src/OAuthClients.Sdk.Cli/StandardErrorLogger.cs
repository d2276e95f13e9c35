using System;
using Microsoft.Extensions.Logging;

namespace OAuthClients.Sdk.Cli;

/// <summary>The tool's own log: one line per entry on standard error (the SDK redacts credentials and secrets before logging).</summary>
internal sealed class StandardErrorLoggerProvider(Terminal terminal, LogLevel minimum) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(terminal, minimum, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(Terminal terminal, LogLevel minimum, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            // The exception's type only: its message is the SDK's redacted one, already in the formatted message.
            var suffix = exception is null ? string.Empty : $" ({exception.GetType().Name})";
            lock (terminal.Error)
            {
                terminal.Error.WriteLine($"{logLevel.ToString().ToLowerInvariant()}: {category}: {formatter(state, exception)}{suffix}");
            }
        }
    }
}
