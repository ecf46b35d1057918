using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Sessions.Connection;

namespace Sessions.Reliability.Tests.Infrastructure;

/// <summary>
/// The runtime's real frame decoder: <c>SessionConnection.Dispatch</c>, the step of the receive loop that turns one
/// text frame into an event or a bad-frame report, called directly (through reflection; it is private) on a connection
/// whose socket never opened. Whatever it throws would end the receive loop.
/// </summary>
public sealed class FrameDecoder : IConnectionListener
{
    private delegate void DispatchFrame(ReadOnlySpan<byte> frame);

    private readonly DispatchFrame _dispatch;
    private SessionEvent? _event;
    private string? _problem;
    private int _calls;

    public FrameDecoder()
    {
        var options = new SessionClientOptions { KeepAliveInterval = TimeSpan.Zero };
        var constructor = typeof(SessionConnection).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance)[0];
        var connection = (SessionConnection)constructor.Invoke(new object[] { new ClientWebSocket(), this, options, NullLogger.Instance, (Func<string?>)(() => "s") });
        connection.Completion.Wait(TimeSpan.FromSeconds(10)); // its receive loop ends at once: the socket was never opened
        _dispatch = typeof(SessionConnection).GetMethod("Dispatch", BindingFlags.NonPublic | BindingFlags.Instance)!.CreateDelegate<DispatchFrame>(connection);
    }

    /// <summary>Decodes one frame: the event, or the problem reported. Throws what the receive loop would have let out.</summary>
    public (SessionEvent? Event, string? Problem) Decode(ReadOnlySpan<byte> frame)
    {
        _event = null;
        _problem = null;
        _calls = 0;
        _dispatch(frame);
        if (_calls != 1)
        {
            throw new InvalidOperationException($"The decoder reported a frame {_calls} times instead of once.");
        }

        return (_event, _problem);
    }

    void IConnectionListener.OnEvent(SessionEvent evt)
    {
        _calls++;
        _event = evt;
    }

    void IConnectionListener.OnBadFrame(string problem)
    {
        _calls++;
        _problem = problem;
    }

    void IConnectionListener.OnClosed(SessionConnection connection, ConnectionClosed closed)
    {
    }
}
