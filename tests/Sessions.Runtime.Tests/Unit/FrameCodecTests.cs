using System.Text;
using System.Threading.Tasks;
using Sessions.Connection;
using Xunit;

namespace Sessions.Runtime.Tests.Unit;

/// <summary>The codec and the request correlation above the transport, each on its own: no connection, no socket.</summary>
public sealed class FrameCodecTests
{
    [Fact]
    public void A_frame_is_encoded_as_the_protocol_json()
    {
        var json = Encoding.UTF8.GetString(FrameCodec.Encode(new PingFrame { RequestId = "r1" }));

        Assert.Equal("""{"type":"ping","request_id":"r1"}""", json);
    }

    [Fact]
    public void An_event_decodes_to_its_generated_type_and_bad_input_to_a_problem_never_an_exception()
    {
        var decoded = FrameCodec.Decode("""{"type":"pong","session_id":"s1","request_id":"r1"}"""u8);
        Assert.IsType<PongEvent>(decoded.Event);
        Assert.Null(decoded.Problem);

        foreach (var bad in new[] { "", "{", "[]", "{\"type\":1}", "null", "{\"type\":\"pong\"}" })
        {
            var problem = FrameCodec.Decode(Encoding.UTF8.GetBytes(bad));
            Assert.Null(problem.Event);
            Assert.False(string.IsNullOrEmpty(problem.Problem), "no problem reported for " + bad);
        }
    }

    [Fact]
    public async Task An_answer_completes_the_request_with_its_id_and_an_error_fails_it_typed()
    {
        var pending = new PendingRequests();
        var posted = pending.Register("r1");
        var refused = pending.Register("r2");
        var other = pending.Register("r3");

        pending.Answer(new MessagePostedEvent { SessionId = "s", RequestId = "r1", Data = new MessagePostedEventData { MessageId = "m" } });
        pending.Answer(new ErrorEvent { SessionId = "s", RequestId = "r2", Data = new ErrorEventData { Error = "no", Code = "not_found", Retryable = false } });
        pending.Answer(new PongEvent { SessionId = "s", RequestId = "unrelated" });

        Assert.IsType<MessagePostedEvent>(await posted);
        Assert.Equal("not_found", (await Assert.ThrowsAsync<SessionNotFoundException>(() => refused)).Code);
        Assert.False(other.IsCompleted);
        pending.FailAll(new SessionDisconnectedException("gone"));
        await Assert.ThrowsAsync<SessionDisconnectedException>(() => other);
    }
}
