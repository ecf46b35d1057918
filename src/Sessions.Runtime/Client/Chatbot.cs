using System.Threading;
using System.Threading.Tasks;

namespace Sessions;

/// <summary>A chatbot on the engine: create sessions with it.</summary>
public sealed class Chatbot
{
    private readonly SessionClient _client;

    internal Chatbot(SessionClient client, string id)
    {
        System.ArgumentException.ThrowIfNullOrEmpty(id);
        _client = client;
        Id = id;
    }

    /// <summary>The chatbot's id.</summary>
    public string Id { get; }

    /// <summary>Creates a session with this chatbot and connects it.</summary>
    public Task<Session> CreateSessionAsync(CancellationToken cancellationToken = default)
        => _client.CreateSessionAsync(null, Id, cancellationToken);

    /// <summary>Resumes an existing session and connects it.</summary>
    public Task<Session> ResumeSessionAsync(string sessionId, CancellationToken cancellationToken = default)
        => _client.ResumeSessionAsync(sessionId, null, cancellationToken);
}
