using System;
using Sessions.Engine.Faults;

namespace Sessions.Engine;

/// <summary>A stall armed by <see cref="FaultPlan.Stall"/>; disposing it (or <see cref="Release"/>) lets the frames flow again, in order.</summary>
public sealed class FaultStall : IDisposable
{
    private readonly StallRule rule;

    internal FaultStall(StallRule rule) => this.rule = rule;

    /// <summary>Completes when the stalled connection starts holding frames back (for tests that must know it does).</summary>
    internal System.Threading.Tasks.Task Holding => rule.Holding;

    /// <summary>Ends the stall: queued frames are sent, in order.</summary>
    public void Release() => rule.Release();

    /// <inheritdoc/>
    public void Dispose() => Release();
}
