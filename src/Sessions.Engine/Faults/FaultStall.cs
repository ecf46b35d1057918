using System;
using Sessions.Engine.Faults;

namespace Sessions.Engine;

/// <summary>A stall armed by <see cref="FaultPlan.Stall"/>; disposing it (or <see cref="Release"/>) lets the frames flow again, in order.</summary>
public sealed class FaultStall : IDisposable
{
    private readonly StallRule rule;

    internal FaultStall(StallRule rule) => this.rule = rule;

    /// <summary>Ends the stall: queued frames are sent, in order.</summary>
    public void Release() => rule.Release();

    /// <inheritdoc/>
    public void Dispose() => Release();
}
