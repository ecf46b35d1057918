using System;
using Sessions.Connection;

namespace Sessions.Reliability.Tests.Infrastructure;

/// <summary>
/// The runtime's real frame decoder (<see cref="FrameCodec.Decode"/>, the step of the receive loop that turns one text
/// frame into an event or a bad-frame report), reached through InternalsVisibleTo. Whatever it throws would end the
/// receive loop.
/// </summary>
public sealed class FrameDecoder
{
    /// <summary>Decodes one frame: the event, or the problem reported (exactly one).</summary>
    public (SessionEvent? Event, string? Problem) Decode(ReadOnlySpan<byte> frame)
    {
        var decoded = FrameCodec.Decode(frame);
        if ((decoded.Event is null) == (decoded.Problem is null))
        {
            throw new InvalidOperationException("The decoder must report either an event or a problem, exactly one.");
        }

        return (decoded.Event, decoded.Problem);
    }
}
