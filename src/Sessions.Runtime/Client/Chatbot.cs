using System.Threading;
using System.Threading.Tasks;

namespace Sessions;

/// <summary>A chatbot on the engine: create sessions with it.</summary>
public sealed class Chatbot
{
    private readonly SessionClient _client;

    /// <summary>A handle on a chatbot of <paramref name="client"/> (the same as <see cref="SessionClient.Chatbot"/>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="id">The chatbot's id.</param>
    public Chatbot(SessionClient client, string id)
    {
        System.ArgumentNullException.ThrowIfNull(client);
        System.ArgumentException.ThrowIfNullOrEmpty(id);
        _client = client;
        Id = id;
    }

    /// <summary>The chatbot's id.</summary>
    public string Id { get; }

    /// <summary>Creates a session with this chatbot and connects it.</summary>
    public Task<Session> CreateSessionAsync(CancellationToken cancellationToken = default)
        => _client.CreateSessionAsync(null, Id, cancellationToken);

}
