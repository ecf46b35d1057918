using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Runtime.Tests.Infrastructure;

/// <summary>Reading a listener until the turn's reply is complete.</summary>
public static class Turns
{
    public static async Task<List<SessionEvent>> UntilCompleteAsync(IAsyncEnumerable<SessionEvent> events, CancellationToken cancellationToken = default)
    {
        var seen = new List<SessionEvent>();
        await foreach (var evt in events.WithCancellation(cancellationToken.CanBeCanceled ? cancellationToken : Within.Token()))
        {
            seen.Add(evt);
            if (evt.IsComplete)
            {
                break;
            }
        }

        return seen;
    }

    /// <summary>Sends and reads the whole turn, with a listener registered before the send.</summary>
    public static async Task<List<SessionEvent>> RunAsync(Session session, string text)
    {
        var listening = session.ListenAsync(maxQueue: 0);
        await session.SendAsync(text, Within.Token());
        return await UntilCompleteAsync(listening);
    }

    public static string Deltas(IEnumerable<SessionEvent> events)
        => string.Concat(System.Linq.Enumerable.Select(System.Linq.Enumerable.OfType<MessageDeltaEvent>(events), d => d.Delta));
}
