// Chat: an interactive console chat with an agent. Runs the local engine in this process unless an engine is named:
// --url <address> --key <key> [--agent <id>], or VECTORSHIFT_BASE_URL and VECTORSHIFT_API_KEY (../Shared/SampleEngine.cs).
// Type a line to send it; /file <path> (sent with a progress line), /history, /drop (local engine: cut the connection
// during the next reply), /quit.
using Chat;
using Samples;
using Sessions;

var screen = new Screen();
var renderer = new EventRenderer(screen);
try
{
    await using var engine = await SampleEngine.StartAsync();
    using var client = new SessionClient(engine.BaseAddress, engine.ApiKey);
    await using var session = await client.Agent(SampleEngine.Option("--agent") ?? "chat-agent").CreateSessionAsync();
    screen.Line($"Connected to {client.BaseAddress}{(engine.Local is null ? "" : " (local engine)")}, session {session.SessionId}.");
    screen.Line(engine.Local is null
        ? "Type a message; /file <path>, /history, /quit."
        : "Type a message (the scripted agent reacts to: think, search, tool, approve, reauth, status, fail); /file <path>, /history, /drop, /quit.");

    // One listener for the whole chat: it carries on across reconnects, without gaps or repeats.
    await using var events = session.ListenAsync(maxQueue: 0).GetAsyncEnumerator();
    using var connection = new ConnectionWatcher(session, screen);

    while (await ReadLineAsync("you> ") is { } line)
    {
        switch (line.Trim())
        {
            case "":
                continue;
            case "/quit":
                break;
            case "/history":
                foreach (var message in await session.GetMessagesAsync())
                {
                    var files = message.Files is { Count: > 0 } attached ? "  [" + string.Join(", ", attached.Select(f => $"{f.Name}, {f.MimeType}, {f.Size} bytes")) + "]" : "";
                    screen.Line($"  #{message.Seq,-4} {message.Sender.Role,-9} {message.Text}{files}");
                }

                continue;
            case var command when command.StartsWith("/file ", StringComparison.Ordinal):
                if (await SendFileAsync(session, command["/file ".Length..].Trim()))
                {
                    await ShowReplyAsync(session, events);
                }

                continue;
            case "/drop" when engine.Local is { } local:
                local.Faults.DropAfterEvents(session.SessionId!, 4);
                screen.Line("  (the engine will cut the connection 4 events into the next reply; the session reconnects by itself)");
                continue;
            default:
                await session.SendAsync(line);
                await ShowReplyAsync(session, events);
                continue;
        }

        break;
    }

    await session.DisconnectAsync();
    screen.Line($"Bye. Session {session.SessionId} was left on the engine{(engine.Local is null ? "" : ", which stops now")}.");
    return 0;
}
catch (Exception error) when (error is SessionException or ArgumentException or UriFormatException)
{
    screen.Line($"Chat failed: {error.GetType().Name}: {error.Message}");
    return 1;
}

// Sends a file (streamed, never whole in memory) with a progress line; false when it could not be sent.
async Task<bool> SendFileAsync(Session session, string path)
{
    try
    {
        await session.SendAsync(MessageFile.FromPath(path), new UploadProgress(screen));
        screen.Line();
        return true;
    }
    catch (SessionFileException error)
    {
        screen.Line($"  could not send {error.FileName}: {error.Message}");
        return false;
    }
}

// Renders events until the reply is complete, asking the user when the agent needs an approval.
async Task ShowReplyAsync(Session session, IAsyncEnumerator<SessionEvent> events)
{
    while (await events.MoveNextAsync())
    {
        switch (events.Current.Accept(renderer))
        {
            case Step.TurnOver:
                return;
            case Step.AskApproval:
                var answer = await ReadLineAsync("  approve? [y/n] ");
                var approved = answer?.Trim().StartsWith('y') == true;
                await session.RespondApprovalAsync((ApprovalRequestEvent)events.Current, approved, denyReason: approved ? null : "the user said no");
                screen.Line(approved ? "  (approved)" : "  (denied)");
                break;
        }
    }

    throw new SessionDisconnectedException("The session ended before the reply was complete.");
}

// A line from stdin (null at its end). When stdin is piped, the line is echoed so the transcript reads like a chat.
async Task<string?> ReadLineAsync(string prompt)
{
    screen.Write(prompt);
    var line = await Console.In.ReadLineAsync();
    if (Console.IsInputRedirected)
    {
        screen.Write((line ?? "") + "\n");
    }
    else
    {
        screen.TypedLine(); // the terminal echoed the line and its Enter
    }

    return line;
}
