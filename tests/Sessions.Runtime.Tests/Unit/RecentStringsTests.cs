using System.Collections.Generic;
using System.Text;
using Sessions.Connection;
using Sessions.Protocol.Generated;
using Xunit;

namespace Sessions.Runtime.Tests.Unit;

/// <summary>
/// A connection decodes with a table of the strings its frames held lately: the ids every event repeats become one
/// string, and no value ever comes back as another one.
/// </summary>
public sealed class RecentStringsTests
{
    private static MessageDeltaEvent Delta(string json, RecentStrings? recent)
        => Assert.IsType<MessageDeltaEvent>(FrameCodec.Decode(Encoding.UTF8.GetBytes(json), recent).Event);

    private static string DeltaFrame(string sessionId, string messageId, long seq, string text)
        => "{\"type\":\"message_delta\",\"session_id\":\"" + sessionId + "\",\"message_id\":\"" + messageId + "\",\"seq\":" + seq + ",\"data\":{\"delta\":\"" + text + "\"}}";

    [Fact]
    public void Ids_every_event_repeats_are_one_string_with_a_table_and_one_per_event_without()
    {
        var recent = new RecentStrings();
        var first = Delta(DeltaFrame("65f1c0a93b7e4d2a8c19e0f4", "65f1c0b27d4e9a1f3c8b5a60", 1, "Hello"), recent);
        var second = Delta(DeltaFrame("65f1c0a93b7e4d2a8c19e0f4", "65f1c0b27d4e9a1f3c8b5a60", 2, " world"), recent);

        Assert.Same(first.SessionId, second.SessionId);
        Assert.Same(first.MessageId, second.MessageId);

        var plainFirst = Delta(DeltaFrame("65f1c0a93b7e4d2a8c19e0f4", "m", 1, "a"), null);
        var plainSecond = Delta(DeltaFrame("65f1c0a93b7e4d2a8c19e0f4", "m", 2, "b"), null);
        Assert.NotSame(plainFirst.SessionId, plainSecond.SessionId);
    }

    [Fact]
    public void Every_value_reads_as_itself_whatever_the_table_held_before()
    {
        // Many values of the same length and ends land in the same slots: each must still read as its own text.
        var recent = new RecentStrings();
        var expected = new List<(string Session, string Message, string Text)>();
        for (var i = 0; i < 2000; i++)
        {
            expected.Add(($"s{i % 7:D4}x", $"m{i:D6}z", i % 3 == 0 ? "same" : $"t{i}"));
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var (session, message, text) = expected[i];
            var evt = Delta(DeltaFrame(session, message, i, text), recent);
            Assert.Equal(session, evt.SessionId);
            Assert.Equal(message, evt.MessageId);
            Assert.Equal(text, evt.Data.Delta);
        }
    }

    [Fact]
    public void The_table_is_used_only_during_the_decode_it_was_given_to_and_the_one_before_is_back_after()
    {
        var recent = new RecentStrings();
        _ = Delta(DeltaFrame("s1", "m1", 1, "x"), recent);
        Assert.Null(RecentStrings.Current);

        var outer = new RecentStrings();
        RecentStrings.Current = outer;
        try
        {
            _ = Delta(DeltaFrame("s1", "m1", 2, "y"), recent);
            Assert.Same(outer, RecentStrings.Current);
        }
        finally
        {
            RecentStrings.Current = null;
        }
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(RecentStrings.MaxLength, true)]
    [InlineData(RecentStrings.MaxLength + 1, false)]
    public void Values_up_to_the_longest_kept_are_kept_longer_ones_and_the_empty_one_read_as_themselves(int length, bool kept)
    {
        var recent = new RecentStrings();
        var value = new string('v', length);
        var first = Delta(DeltaFrame("s1", value, 1, "a"), recent);
        var second = Delta(DeltaFrame("s1", value, 2, "b"), recent);

        Assert.Equal(value, first.MessageId);
        Assert.Equal(value, second.MessageId);
        Assert.Equal(kept || length == 0, ReferenceEquals(first.MessageId, second.MessageId)); // "" is always string.Empty
    }

    [Fact]
    public void Escaped_and_non_ascii_values_read_as_themselves_with_a_table()
    {
        var recent = new RecentStrings();
        var escaped = Delta(DeltaFrame("s\\u00e9", "m1", 1, "caf\\u00e9"), recent);
        var raw = Delta(DeltaFrame("sé", "m1", 2, "café"), recent);

        Assert.Equal("sé", escaped.SessionId);
        Assert.Equal("café", escaped.Data.Delta);
        Assert.Equal("sé", raw.SessionId);
        Assert.Equal("café", raw.Data.Delta);
    }
}
