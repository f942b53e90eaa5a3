using System.Collections.Concurrent;

namespace Tsunagari.BrowserTests;

/// <summary>
/// Collects the server's log entries at Error or above: a journey that looks fine in the browser but logged an error
/// on the server has still failed.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> errors = new();

    public IReadOnlyCollection<CapturedLogEntry> Errors => errors;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, errors);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLogEntry> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (IsEnabled(logLevel)) errors.Enqueue(new(logLevel, category, formatter(state, exception), exception));
        }
    }
}
