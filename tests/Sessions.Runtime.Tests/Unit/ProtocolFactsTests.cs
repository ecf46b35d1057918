using System;
using System.Linq;
using System.Net.WebSockets;
using Sessions.Connection;
using Sessions.Engine;
using Sessions.Protocol;
using Sessions.Runtime.Tests.Infrastructure;
using Xunit;

namespace Sessions.Runtime.Tests.Unit;

/// <summary>
/// The client and the engine agree on the protocol's facts (paths, close codes, limits) and on no public type name:
/// each side's value is read where that side uses it, so a fact written by hand on one side fails here.
/// </summary>
public sealed class ProtocolFactsTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public void Both_sides_use_the_same_socket_and_history_paths()
    {
        using var client = engine.Client();

        Assert.Equal(engine.Engine.WebSocketAddress, client.WebSocketAddress);
        Assert.Equal(new Uri(engine.Engine.BaseAddress, ProtocolFacts.HistoryPath("s 1", 5)), engine.Engine.HistoryAddress("s 1", 5));
        Assert.EndsWith("/" + ProtocolFacts.SocketPath, client.WebSocketAddress.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_sides_use_the_same_close_codes_and_limits()
    {
        Assert.Equal((int)EngineCloseStatus.SessionTerminated, ConnectionClosed.TerminatedStatus);
        Assert.True(new ConnectionClosed(false, EngineCloseStatus.SessionTerminated, EngineCloseStatus.SessionTerminatedDescription, null).IsTerminated);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, EngineCloseStatus.FrameTooBig);
        Assert.Equal(LocalEngineOptions.DefaultMaxFrameBytes, new SessionClientOptions().MaxFrameBytes);
    }

    [Fact]
    public void No_public_type_name_is_in_both_packages()
    {
        var runtime = typeof(Session).Assembly.GetExportedTypes().Select(t => t.Name).ToHashSet();
        var both = typeof(LocalEngine).Assembly.GetExportedTypes().Select(t => t.Name).Where(runtime.Contains).ToList();

        Assert.Empty(both);
    }
}
