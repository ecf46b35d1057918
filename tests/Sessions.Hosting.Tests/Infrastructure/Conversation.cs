using System.Collections.Generic;
using System.Threading.Tasks;

namespace Sessions.Hosting.Tests.Infrastructure;

/// <summary>Runs whole turns: send, read until message_complete, approving what is asked.</summary>
public static class Conversation
{
    public static async Task<List<SessionEvent>> TurnAsync(Session session, string text, bool approve = true)
    {
        var events = session.ListenAsync(maxQueue: 0);
        await session.SendAsync(text, Within.Token());
        var seen = new List<SessionEvent>();
        await foreach (var evt in events.WithCancellation(Within.Token()))
        {
            seen.Add(evt);
            if (evt is ApprovalRequestEvent approval)
            {
                await session.RespondApprovalAsync(approval, approve, cancellationToken: Within.Token());
            }

            if (evt.IsComplete)
            {
                break;
            }
        }

        return seen;
    }
}
