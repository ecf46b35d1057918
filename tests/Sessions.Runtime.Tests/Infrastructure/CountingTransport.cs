using System;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Transport;

namespace Sessions.Runtime.Tests.Infrastructure;

/// <summary>Wraps a transport and counts, through the seam, the connections opened and disposed.</summary>
public sealed class CountingTransport(ISessionTransport inner) : ISessionTransport
{
    private int _opened;
    private int _disposed;

    public int Opened => Volatile.Read(ref _opened);

    public int Disposed => Volatile.Read(ref _disposed);

    public async ValueTask<ISessionTransportConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = await inner.ConnectAsync(cancellationToken);
        Interlocked.Increment(ref _opened);
        return new Counted(connection, this);
    }

    private sealed class Counted(ISessionTransportConnection inner, CountingTransport owner) : ISessionTransportConnection
    {
        private int _disposed;

        public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken) => inner.SendAsync(utf8Json, cancellationToken);

        public ValueTask<TransportMessage> ReceiveAsync(CancellationToken cancellationToken) => inner.ReceiveAsync(cancellationToken);

        public ValueTask CloseAsync(int closeStatus, string? description, CancellationToken cancellationToken) => inner.CloseAsync(closeStatus, description, cancellationToken);

        public void Abort() => inner.Abort();

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Increment(ref owner._disposed);
            }

            return inner.DisposeAsync();
        }
    }
}
