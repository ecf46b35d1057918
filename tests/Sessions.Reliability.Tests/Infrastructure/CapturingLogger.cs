using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Sessions.Reliability.Tests.Infrastructure;

/// <summary>One captured log line: its category, level, event id, message, every structured value and the exception.</summary>
public sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, string Values, Exception? Exception)
{
    /// <summary>Everything the line carries, as text (the exception with its inner exceptions and stack).</summary>
    public string AllText => Category + " " + Message + " " + Values + " " + Exception;
}

/// <summary>
/// A logger factory that keeps every line at every level (Trace included) and counts them by event id, so that tests
/// can wait for a log event ("reconnected", "connection ended") instead of sleeping.
/// </summary>
public sealed class CapturingLoggerFactory : ILoggerFactory, ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();
    private readonly ConcurrentDictionary<(string Prefix, int Id), Counter> _counters = new();

    /// <summary>Called on every line, on the thread that logged it (tests use it to cancel at a given step).</summary>
    public Action<LogLine>? OnLine { get; set; }

    public IReadOnlyCollection<LogLine> Lines => _lines.ToArray();

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>The counter of one event id among the categories that start with <paramref name="categoryPrefix"/>.</summary>
    public Counter Count(string categoryPrefix, int eventId) => _counters.GetOrAdd((categoryPrefix, eventId), _ => new Counter());

    public void Dispose()
    {
    }

    private void Add(LogLine line)
    {
        _lines.Enqueue(line);
        foreach (var pair in _counters)
        {
            if (pair.Key.Id == line.EventId.Id && line.Category.StartsWith(pair.Key.Prefix, StringComparison.Ordinal))
            {
                pair.Value.Increment();
            }
        }

        OnLine?.Invoke(line);
    }

    private sealed class Logger(CapturingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => p.Key + "=" + p.Value))
                : state?.ToString() ?? string.Empty;
            owner.Add(new LogLine(category, logLevel, eventId, formatter(state, exception), values, exception));
        }
    }
}

/// <summary>A count that can be awaited: <see cref="WaitForAsync"/> completes once it reaches a value.</summary>
public sealed class Counter
{
    private readonly object _gate = new();
    private readonly List<(int Target, TaskCompletionSource Done)> _waiters = new();
    private int _value;

    public int Value => Volatile.Read(ref _value);

    public void Increment()
    {
        List<TaskCompletionSource>? done = null;
        lock (_gate)
        {
            _value++;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_value >= _waiters[i].Target)
                {
                    (done ??= new()).Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        done?.ForEach(d => d.TrySetResult());
    }

    public Task WaitForAsync(int target, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_value >= target)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((target, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }
}
