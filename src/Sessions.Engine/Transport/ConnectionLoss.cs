using System;
using System.IO;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;

namespace Sessions.Engine.Transport;

/// <summary>
/// The exceptions that mean "this connection is over" (the socket broke, was disposed by a drop fault, or the
/// connection is being cancelled) rather than a bug. The receive loop and the writer use this one list, so that neither
/// lets such an exception out of its task (a faulted writer would be rethrown into Kestrel).
/// </summary>
internal static class ConnectionLoss
{
    public static bool Is(Exception exception)
        => exception is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException or ObjectDisposedException;
}
