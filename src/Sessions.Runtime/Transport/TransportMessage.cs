using System;

namespace Sessions.Transport;

/// <summary>What <see cref="ISessionTransportConnection.ReceiveAsync"/> received.</summary>
public readonly struct TransportMessage : IEquatable<TransportMessage>
{
    private TransportMessage(TransportMessageKind kind, ReadOnlyMemory<byte> payload, int? closeStatus, string? closeDescription)
    {
        Kind = kind;
        Payload = payload;
        CloseStatus = closeStatus;
        CloseDescription = closeDescription;
    }

    /// <summary>What arrived.</summary>
    public TransportMessageKind Kind { get; }

    /// <summary>The message's bytes (text or binary), valid until the next receive; empty otherwise.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The peer's close status (<see cref="TransportMessageKind.Close"/> only).</summary>
    public int? CloseStatus { get; }

    /// <summary>The peer's close description (<see cref="TransportMessageKind.Close"/> only).</summary>
    public string? CloseDescription { get; }

    /// <summary>A whole text message (UTF-8 JSON).</summary>
    public static TransportMessage Text(ReadOnlyMemory<byte> utf8) => new(TransportMessageKind.Text, utf8, null, null);

    /// <summary>A whole binary message (the protocol has none; the session reports it as a bad frame).</summary>
    public static TransportMessage Binary(ReadOnlyMemory<byte> bytes) => new(TransportMessageKind.Binary, bytes, null, null);

    /// <summary>The peer's close.</summary>
    public static TransportMessage Close(int? status, string? description) => new(TransportMessageKind.Close, default, status, description);

    /// <summary>A message over the size limit; the transport discarded it.</summary>
    public static TransportMessage TooBig() => new(TransportMessageKind.TooBig, default, null, null);

    /// <inheritdoc/>
    public bool Equals(TransportMessage other) => Kind == other.Kind && Payload.Equals(other.Payload) && CloseStatus == other.CloseStatus && CloseDescription == other.CloseDescription;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TransportMessage other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Payload, CloseStatus, CloseDescription);

    /// <summary>Compares two messages.</summary>
    public static bool operator ==(TransportMessage left, TransportMessage right) => left.Equals(right);

    /// <summary>Compares two messages.</summary>
    public static bool operator !=(TransportMessage left, TransportMessage right) => !left.Equals(right);
}

/// <summary>What a <see cref="TransportMessage"/> is.</summary>
public enum TransportMessageKind
{
    /// <summary>A whole text message.</summary>
    Text,

    /// <summary>A whole binary message.</summary>
    Binary,

    /// <summary>The peer closed the connection.</summary>
    Close,

    /// <summary>A message over the size limit, discarded.</summary>
    TooBig,
}
