using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Transport;

/// <summary>
/// A transport that wants to know which session a connection is for: the WebSocket transport passes the id on to the
/// credential (<see cref="SessionTokenContext.SessionId"/>). Internal, so the public <see cref="ISessionTransport"/> stays
/// the one-method seam it is; other transports are opened through it.
/// </summary>
internal interface ISessionAwareTransport
{
    /// <summary>Opens one connection for <paramref name="sessionId"/> (null while creating).</summary>
    ValueTask<ISessionTransportConnection> ConnectAsync(string? sessionId, CancellationToken cancellationToken);
}
