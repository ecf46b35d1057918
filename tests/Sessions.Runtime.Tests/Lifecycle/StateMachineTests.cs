using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using Sessions.Lifecycle;
using Xunit;

namespace Sessions.Runtime.Tests.Lifecycle;

/// <summary>Every transition of the session's state machine, legal and illegal, checked one by one.</summary>
public sealed class StateMachineTests
{
    private static readonly SessionState[] All = Enum.GetValues<SessionState>();

    // The legal moves, written out by hand from the documented lifecycle, independently of IsLegal's code.
    private static readonly HashSet<(SessionState, SessionState)> Legal = new()
    {
        (SessionState.Created, SessionState.Connecting),
        (SessionState.Created, SessionState.Disconnected),
        (SessionState.Created, SessionState.Terminated),
        (SessionState.Created, SessionState.Disposed),
        (SessionState.Connecting, SessionState.Connected),
        (SessionState.Connecting, SessionState.Disconnected),
        (SessionState.Connecting, SessionState.Terminated),
        (SessionState.Connecting, SessionState.Disposed),
        (SessionState.Connected, SessionState.Reconnecting),
        (SessionState.Connected, SessionState.Disconnected),
        (SessionState.Connected, SessionState.Terminated),
        (SessionState.Connected, SessionState.Disposed),
        (SessionState.Reconnecting, SessionState.Connected),
        (SessionState.Reconnecting, SessionState.Disconnected),
        (SessionState.Reconnecting, SessionState.Terminated),
        (SessionState.Reconnecting, SessionState.Disposed),
        (SessionState.Disconnected, SessionState.Connecting),
        (SessionState.Disconnected, SessionState.Terminated),
        (SessionState.Disconnected, SessionState.Disposed),
        (SessionState.Terminated, SessionState.Disposed),
    };

    public static IEnumerable<object[]> Pairs() => All.SelectMany(from => All.Where(next => next != from).Select(next => new object[] { from, next }));

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Each_transition_is_legal_exactly_when_the_lifecycle_says_so(SessionState from, SessionState next)
    {
        Assert.Equal(Legal.Contains((from, next)), SessionStateMachine.IsLegal(from, next));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void TryChangeState_moves_only_along_legal_transitions_and_only_from_the_expected_state(SessionState from, SessionState next)
    {
        var machine = MachineIn(from);

        var moved = machine.TryChangeState(from, next);

        Assert.Equal(Legal.Contains((from, next)), moved);
        Assert.Equal(moved ? next : from, machine.State);

        // From any state other than the one expected, nothing moves, legal or not.
        foreach (var other in All.Where(s => s != machine.State))
        {
            var before = machine.State;
            Assert.False(machine.TryChangeState(other, next == other ? from : next));
            Assert.Equal(before, machine.State);
        }
    }

    [Fact]
    public void Disposed_is_final()
    {
        var machine = MachineIn(SessionState.Disposed);
        foreach (var next in All.Where(s => s != SessionState.Disposed))
        {
            Assert.False(machine.TryChangeState(SessionState.Disposed, next));
        }

        Assert.Equal(SessionState.Disposed, machine.State);
    }

    /// <summary>A machine brought to <paramref name="state"/> along legal moves only.</summary>
    private static SessionStateMachine MachineIn(SessionState state)
    {
        var machine = new SessionStateMachine(new object(), NullLogger.Instance, () => "s");
        SessionState[] path = state switch
        {
            SessionState.Created => [],
            SessionState.Connecting => [SessionState.Connecting],
            SessionState.Connected => [SessionState.Connecting, SessionState.Connected],
            SessionState.Reconnecting => [SessionState.Connecting, SessionState.Connected, SessionState.Reconnecting],
            SessionState.Disconnected => [SessionState.Disconnected],
            SessionState.Terminated => [SessionState.Terminated],
            _ => [SessionState.Disposed],
        };
        foreach (var step in path)
        {
            Assert.True(machine.TryChangeState(machine.State, step));
        }

        Assert.Equal(state, machine.State);
        return machine;
    }
}
