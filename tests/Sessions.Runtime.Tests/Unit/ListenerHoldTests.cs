using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Connection;
using Sessions.Runtime.Tests.Infrastructure;
using Xunit;

namespace Sessions.Runtime.Tests.Unit;

/// <summary>
/// The hold between a new connection and the session: nothing passes before the release; then every item passes once,
/// in arrival order, also while items keep arriving from another thread during the release; the close comes last.
/// </summary>
public sealed class ListenerHoldTests
{
    private static MessageDeltaEvent Delta(long seq) => new() { SessionId = "s1", Seq = seq, Data = new MessageDeltaEventData { Delta = "d" } };

    [Fact]
    public void Nothing_passes_before_the_release_and_everything_passes_in_order_after_it()
    {
        var listener = new RecordingListener();
        var hold = new ListenerHold(listener);
        hold.OnEvent(Delta(1));
        hold.OnBadFrame("bad");
        hold.OnEvent(Delta(2));
        Assert.Empty(listener.Heard);

        hold.Release();
        hold.OnEvent(Delta(3));
        hold.Release(); // only the first release acts

        Assert.Equal(["1", "bad", "2", "3"], listener.Heard);
    }

    [Fact]
    public async Task Items_arriving_while_the_release_runs_pass_once_each_in_arrival_order_many_rounds()
    {
        const int Rounds = 200;
        const int Items = 500;
        for (var round = 0; round < Rounds; round++)
        {
            using var started = new ManualResetEventSlim();
            using var moreSent = new ManualResetEventSlim();

            // The release's first hand-on waits until the receive loop has sent half the items, so that items always
            // arrive while the release runs (some queue behind it, the rest pass after it).
            var listener = new RecordingListener(onFirst: () => moreSent.Wait(Within.Limit));
            var hold = new ListenerHold(listener);

            // The receive loop: one thread, items in seq order, then its close.
            var receiving = Task.Run(() =>
            {
                for (var seq = 1; seq <= Items; seq++)
                {
                    hold.OnEvent(Delta(seq));
                    if (seq == Items / 10)
                    {
                        started.Set();
                    }

                    if (seq == Items / 2)
                    {
                        moreSent.Set();
                    }
                }

                hold.OnClosed(null!, new ConnectionClosed(false, null, null, null));
            });

            started.Wait(Within.Limit);
            hold.Release();
            await receiving.WaitAsync(Within.Limit);

            var expected = Enumerable.Range(1, Items).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("closed");
            Assert.Equal(expected, listener.Heard);
        }
    }

    [Fact]
    public void A_listener_failing_on_a_held_item_ends_the_hold_the_held_close_still_passes_and_later_items_pass_straight()
    {
        var listener = new RecordingListener(failOn: "2");
        var hold = new ListenerHold(listener);
        hold.OnEvent(Delta(1));
        hold.OnEvent(Delta(2));
        hold.OnEvent(Delta(3));
        hold.OnClosed(null!, new ConnectionClosed(false, null, null, null));

        Assert.Throws<ListenerFailure>(hold.Release);
        hold.OnBadFrame("after");

        // 2 failed, 3 was dropped with the connection (as on a receive loop that a listener's failure ends); the close was not.
        Assert.Equal(["1", "closed", "after"], listener.Heard);
    }

    private sealed class ListenerFailure : System.Exception;

    /// <summary>Records what it hears; fails if it is ever called from two threads at once.</summary>
    private sealed class RecordingListener(System.Action? onFirst = null, string? failOn = null) : IConnectionListener
    {
        private int _inside;
        private System.Action? _onFirst = onFirst;

        public List<string> Heard { get; } = [];

        public void OnEvent(SessionEvent evt) => Record(evt.Seq!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public void OnBadFrame(string problem) => Record(problem);

        public void OnClosed(SessionConnection connection, ConnectionClosed closed) => Record("closed");

        private void Record(string item)
        {
            Assert.Equal(0, Interlocked.Exchange(ref _inside, 1));
            Interlocked.Exchange(ref _onFirst, null)?.Invoke();
            try
            {
                if (item == failOn)
                {
                    throw new ListenerFailure();
                }

                Heard.Add(item);
            }
            finally
            {
                Volatile.Write(ref _inside, 0);
            }
        }
    }
}
