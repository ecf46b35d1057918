using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sessions.Runtime.Tests.Infrastructure;

/// <summary>
/// Keeps every log entry at or above a level, formatted, with its event id; <c>onLog</c>, when given, is called first,
/// on the logging thread: a seam to pause the session at a point it logs.
/// </summary>
public sealed class CollectingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    private readonly LogLevel _minimum;
    private readonly Action<EventId>? _onLog;

    public CollectingLoggerProvider(LogLevel minimum, Action<EventId>? onLog = null)
    {
        _minimum = minimum;
        _onLog = onLog;
    }

    public ConcurrentQueue<(LogLevel Level, EventId Id, string Message, Exception? Error)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CollectingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._onLog?.Invoke(eventId);
                owner.Entries.Enqueue((logLevel, eventId, formatter(state, exception), exception));
            }
        }
    }
}
