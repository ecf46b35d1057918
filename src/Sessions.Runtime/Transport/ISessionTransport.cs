using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Transport;

/// <summary>
/// Opens connections to the engine: the seam under a <see cref="Session"/>. The default speaks WebSocket to
/// <see cref="SessionClientOptions.BaseAddress"/>; <see cref="InMemoryTransport"/> pairs sessions with an in-process
/// peer, for unit tests without sockets. Set one on <see cref="SessionClientOptions.Transport"/>.
/// </summary>
/// <remarks>
/// A transport moves whole JSON text messages and knows nothing of their meaning: encoding frames, matching answers
/// to requests, keep-alive and reconnecting all sit above it, in the session.
/// </remarks>
public interface ISessionTransport
{
    /// <summary>Opens one connection. Each reconnect opens a new one.</summary>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The open connection; its owner disposes it.</returns>
    /// <exception cref="SessionException">The engine refused the connection, or it could not be opened.</exception>
    ValueTask<ISessionTransportConnection> ConnectAsync(CancellationToken cancellationToken);
}
