using System;
using Microsoft.Extensions.Logging;

namespace Sessions.Runtime.Tests.Infrastructure;

/// <summary>Calls back, on the logging thread, with the event id of every entry: a seam to pause the session at a point it logs.</summary>
public sealed class CallbackLoggerFactory(Action<EventId> onLog) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Logger(onLog);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(Action<EventId> onLog) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) => onLog(eventId);
    }
}
