using System;

namespace Sessions.Reliability.Tests.Network;

/// <summary>How often <see cref="FaultProxy"/> injects each fault. Every connection draws its own plan from the seed.</summary>
public sealed record FaultSchedule
{
    /// <summary>Chance that an accepted connection is reset and starts a short while in which the listener is closed (connections refused).</summary>
    public double RefuseWindowChance { get; init; } = 0.08;

    /// <summary>How long a refusal window lasts, in milliseconds (drawn between these).</summary>
    public (int Min, int Max) RefuseWindowMs { get; init; } = (30, 150);

    /// <summary>Chance that a connection is cut after a number of bytes engine to client.</summary>
    public double CutDownstreamChance { get; init; } = 0.45;

    /// <summary>Chance that a connection is cut after a number of bytes client to engine.</summary>
    public double CutUpstreamChance { get; init; } = 0.15;

    /// <summary>Chance that a connection stalls (nothing forwarded either way, sockets left open) after a number of bytes.</summary>
    public double StallChance { get; init; } = 0.12;

    /// <summary>The byte budget before a downstream cut or a stall.</summary>
    public (int Min, int Max) DownstreamBytes { get; init; } = (200, 25_000);

    /// <summary>The byte budget before an upstream cut (the client sends little: frames, pings, answers).</summary>
    public (int Min, int Max) UpstreamBytes { get; init; } = (50, 2_000);

    /// <summary>Chance that a connection forwards in tiny pieces: then each read is split into 1-7 byte writes with <see cref="FragmentReadChance"/>.</summary>
    public double FragmentChance { get; init; } = 0.5;

    /// <summary>On a fragmenting connection, the chance that one read is forwarded in 1-7 byte pieces.</summary>
    public double FragmentReadChance { get; init; } = 0.3;

    /// <summary>Chance that a read is delayed before it is forwarded (jitter).</summary>
    public double JitterChance { get; init; } = 0.05;

    /// <summary>The jitter, in milliseconds.</summary>
    public (int Min, int Max) JitterMs { get; init; } = (1, 8);

    /// <summary>No faults at all: the proxy forwards faithfully (to check the test's own accounting).</summary>
    public static FaultSchedule None { get; } = new()
    {
        RefuseWindowChance = 0,
        CutDownstreamChance = 0,
        CutUpstreamChance = 0,
        StallChance = 0,
        FragmentChance = 0,
        JitterChance = 0,
    };

    internal static int Between(Random random, (int Min, int Max) range) => random.Next(range.Min, range.Max + 1);
}
