// One turn against the engine named by VECTORSHIFT_BASE_URL and VECTORSHIFT_API_KEY, using only the Sessions.Runtime package.
using Sessions;

using var client = new SessionClient();
await using var session = await client.Agent("package-consumer").CreateSessionAsync();
var events = session.ListenAsync();
await session.SendAsync("hello from a package");
await foreach (var evt in events)
{
    switch (evt)
    {
        case MessageDeltaEvent delta:
            Console.Write(delta.Data.Delta);
            break;
        case MessageCompleteEvent complete:
            Console.WriteLine();
            Console.WriteLine($"complete: {complete.Data.Status}: {complete.Data.Text}");
            var history = await session.GetMessagesAsync();
            Console.WriteLine($"history: {history.Count} messages");
            await session.TerminateAsync();
            return complete.Data.Status == SessionMessageStatus.Complete ? 0 : 2;
    }
}

return 3;
