using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Sessions.Protocol;

namespace Sessions.Transport;

/// <summary>
/// A transport with no sockets: each connection a session opens is paired with an <see cref="InMemoryPeer"/> that
/// the test plays the engine with (reads the client's frames, sends events, closes or drops the connection).
/// For unit tests of code that uses <see cref="Session"/>: fast, deterministic, no server.
/// </summary>
/// <example>
/// <code>
/// var transport = new InMemoryTransport();
/// using var client = new SessionClient(new SessionClientOptions { Transport = transport });
/// var creating = client.Agent("a").CreateSessionAsync();
/// await using var peer = await transport.AcceptAsync();
/// await peer.AnswerJoinAsync("s1");                // answers create_session with session_created
/// await using var session = await creating;
/// </code>
/// </example>
public sealed class InMemoryTransport : ISessionTransport
{
    private readonly Channel<InMemoryPeer> _accepted = Channel.CreateUnbounded<InMemoryPeer>();

    /// <summary>The largest message the client accepts; a larger one arrives as <see cref="TransportMessageKind.TooBig"/>.</summary>
    public int MaxFrameBytes { get; init; } = ProtocolFacts.DefaultMaxFrameBytes;

    /// <inheritdoc/>
    public ValueTask<ISessionTransportConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pair = new InMemoryPipe(MaxFrameBytes);
        _accepted.Writer.TryWrite(new InMemoryPeer(pair));
        return new ValueTask<ISessionTransportConnection>(pair.Client);
    }

    /// <summary>The peer of the next connection a session opens (in the order they were opened).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<InMemoryPeer> AcceptAsync(CancellationToken cancellationToken = default) => _accepted.Reader.ReadAsync(cancellationToken);
}
