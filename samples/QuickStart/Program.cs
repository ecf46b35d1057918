// QuickStart: one conversation, start to end. Runs the local engine in this process, unless an engine is
// named: --url <address> --key <key> [--agent <id>], or VECTORSHIFT_BASE_URL and VECTORSHIFT_API_KEY (../Shared/SampleEngine.cs).
using System.Diagnostics;
using Samples;
using Sessions;

var clock = Stopwatch.StartNew();
TimeSpan? firstDelta = null;
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
var ct = timeout.Token;
try
{
    await using var engine = await SampleEngine.StartAsync(ct);
    using var client = new SessionClient(engine.BaseAddress, engine.ApiKey);
    Console.WriteLine($"Engine: {client.BaseAddress}{(engine.Local is null ? "" : " (local, in-process)")}");

    await using var session = await client.Agent(SampleEngine.Option("--agent") ?? "quickstart-agent").CreateSessionAsync(ct);
    Console.WriteLine($"Session {session.SessionId} created.");
    await TurnAsync(session, "Please think, use a tool, then ask for approval to email the team a status update");

    Console.WriteLine("History:");
    foreach (var message in await session.GetMessagesAsync(ct))
    {
        Console.WriteLine($"  #{message.Seq} {message.Sender.Role,-9} {message.Status?.ToString() ?? "",-8} {message.Text}");
    }

    var (id, lastSeq) = (session.SessionId!, session.LastSeq);
    await session.DisconnectAsync(ct);
    Console.WriteLine($"Disconnected. Resuming session {id} after event #{lastSeq}...");

    await using var resumed = await client.ResumeSessionAsync(id, lastSeq, ct);
    await TurnAsync(resumed, "Thanks, that is all");
    await resumed.TerminateAsync(ct);
    Console.WriteLine($"Session {id} terminated ({resumed.State}).");
    Console.WriteLine($"Done in {clock.ElapsedMilliseconds} ms; first delta after {firstDelta?.TotalMilliseconds:0} ms.");
    return 0;
}
catch (Exception error) when (error is SessionException or ArgumentException or OperationCanceledException or UriFormatException)
{
    Console.Error.WriteLine($"QuickStart failed: {error.GetType().Name}: {error.Message}");
    return 1;
}

// One turn: listen (before sending, so nothing is missed), send, and print events as they arrive until the reply is complete.
async Task TurnAsync(Session session, string text)
{
    var events = session.ListenAsync(cancellationToken: ct);
    Console.WriteLine($"> {text}");
    await session.SendAsync(text, ct);
    await foreach (var evt in events)
    {
        switch (evt)
        {
            case MessageStreamingEvent:
                Console.Write("< ");
                break;
            case MessageDeltaEvent delta:
                firstDelta ??= clock.Elapsed;
                Console.Write(delta.Data.Delta);
                break;
            case ThinkingEvent thinking:
                Console.WriteLine($"  (thinking: {thinking.Data.Summary})");
                break;
            case ToolCallEvent call:
                Console.WriteLine($"  (tool {call.Data.ToolName}: {call.Data.Status})");
                break;
            case ApprovalRequestEvent approval:
                Console.WriteLine($"  (approval asked for {approval.Data.ToolName}: approving)");
                await session.RespondApprovalAsync(approval, approved: true, cancellationToken: ct);
                break;
            case ErrorEvent error:
                throw new SessionException($"The agent failed: {error.Data.Error}", error.Data.Code);
            case MessageCompleteEvent complete:
                Console.WriteLine($"  [{complete.Data.Status}, {complete.Data.Text.Length} chars]");
                return;
        }
    }

    throw new SessionDisconnectedException("The session ended before the reply was complete.");
}
