using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Serialization;

namespace Sessions.Transport;

/// <summary>
/// The engine's end of one <see cref="InMemoryTransport"/> connection, played by a test: read what the session sent,
/// answer with events, close or drop the connection.
/// </summary>
public sealed class InMemoryPeer : IAsyncDisposable
{
    private readonly InMemoryPipe _pipe;

    internal InMemoryPeer(InMemoryPipe pipe) => _pipe = pipe;

    /// <summary>True once the session disposed its end of the connection.</summary>
    public bool IsClientDisposed => _pipe.ClientDisposed;

    /// <summary>The next frame the session sent (a JSON object with <c>type</c>, <c>request_id</c>, <c>data</c>), or null once it closed the connection.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async ValueTask<JsonElement?> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        while (await _pipe.ReceiveFromClientAsync(cancellationToken).ConfigureAwait(false) is { } message)
        {
            if (message.Kind == TransportMessageKind.Text)
            {
                using var document = JsonDocument.Parse(message.Payload);
                return document.RootElement.Clone();
            }
        }

        return null;
    }

    /// <summary>The next frame of this <c>type</c> (for example <c>"post_message"</c>), skipping others (pings); null once the session closed.</summary>
    /// <param name="type">The frame type.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async ValueTask<JsonElement?> ReceiveAsync(string type, CancellationToken cancellationToken = default)
    {
        while (await ReceiveAsync(cancellationToken).ConfigureAwait(false) is { } frame)
        {
            if (frame.TryGetProperty("type", out var kind) && kind.ValueEquals(type))
            {
                return frame;
            }
        }

        return null;
    }

    /// <summary>
    /// Plays the engine's side of joining: waits for <c>create_session</c> or <c>connect_session</c> and answers
    /// <c>session_created</c> or <c>session_connected</c>.
    /// </summary>
    /// <param name="sessionId">The session's id.</param>
    /// <param name="pendingApprovals">The approvals still waiting for an answer, sent in <c>session_connected</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The frame the session sent to join.</returns>
    /// <exception cref="SessionDisconnectedException">The session closed instead of joining.</exception>
    public async ValueTask<JsonElement> AnswerJoinAsync(string sessionId, IReadOnlyList<string>? pendingApprovals = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var frame = await ReceiveAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new SessionDisconnectedException("The session closed the connection before it joined.");
            var type = frame.GetProperty("type").GetString();
            var requestId = frame.TryGetProperty("request_id", out var id) ? id.GetString() : null;
            switch (type)
            {
                case "create_session":
                    await SendAsync(new SessionCreatedEvent { SessionId = sessionId, RequestId = requestId, Data = new SessionCreatedEventData { SessionId = sessionId } }, cancellationToken).ConfigureAwait(false);
                    return frame;
                case "connect_session":
                    var lastSeq = frame.GetProperty("data").TryGetProperty("last_seq", out var seq) && seq.ValueKind == JsonValueKind.Number ? seq.GetInt64() : 0;
                    await SendAsync(
                        new SessionConnectedEvent
                        {
                            SessionId = sessionId,
                            RequestId = requestId,
                            Data = new SessionConnectedEventData { SessionId = sessionId, LastSeq = lastSeq, PendingApprovals = pendingApprovals ?? Array.Empty<string>() },
                        },
                        cancellationToken).ConfigureAwait(false);
                    return frame;
            }
        }
    }

    /// <summary>Sends one event to the session.</summary>
    /// <param name="evt">The event; <c>RequestId</c> set answers a frame.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    public ValueTask SendAsync(SessionEvent evt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evt);
        cancellationToken.ThrowIfCancellationRequested();
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            SessionEventJsonConverter.WriteValue(writer, evt);
        }

        _pipe.SendToClient(TransportMessage.Text(buffer.WrittenMemory));
        return ValueTask.CompletedTask;
    }

    /// <summary>Sends any text as one message, for tests of bad or future frames.</summary>
    /// <param name="json">The message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    public ValueTask SendRawAsync(string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        cancellationToken.ThrowIfCancellationRequested();
        _pipe.SendToClient(TransportMessage.Text(Encoding.UTF8.GetBytes(json)));
        return ValueTask.CompletedTask;
    }

    /// <summary>Closes the connection from the engine's side (for example 4001 after a terminate, 1001 when stopping).</summary>
    /// <param name="closeStatus">The close status.</param>
    /// <param name="description">The reason.</param>
    public void Close(int closeStatus = 1000, string? description = null) => _pipe.CloseFromPeer(closeStatus, description);

    /// <summary>Breaks the connection with no close, as a network failure does: the session reconnects per its policy.</summary>
    public void Drop() => _pipe.Drop();

    /// <summary>Drops the connection if it is still open.</summary>
    public ValueTask DisposeAsync()
    {
        _pipe.Drop();
        return ValueTask.CompletedTask;
    }
}
