using System.Collections.Concurrent;

namespace WebChat;

/// <summary>
/// The sessions of the browser chats this server holds, by session id, and the approval requests each is waiting on.
/// In memory: a real application would keep only the session id (sessions resume by id) and reconnect on demand.
/// </summary>
internal sealed class ChatRegistry(SessionClient client) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Chat> _chats = new(StringComparer.Ordinal);

    public async Task<Chat> CreateAsync(string agentId, CancellationToken cancellationToken)
    {
        var session = await client.Agent(agentId).CreateSessionAsync(cancellationToken);
        var chat = new Chat(session);
        _chats[session.SessionId!] = chat;
        return chat;
    }

    public Chat? Find(string id) => _chats.TryGetValue(id, out var chat) ? chat : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var chat in _chats.Values)
        {
            await chat.Session.DisposeAsync();
        }
    }
}

/// <summary>One browser chat: its session and the approvals it waits on.</summary>
internal sealed class Chat(Session session)
{
    public Session Session { get; } = session;

    public ConcurrentDictionary<string, ApprovalRequestEvent> PendingApprovals { get; } = new(StringComparer.Ordinal);
}
