using System;

namespace Sessions.Protocol.Generator.Tests.SnapshotTesting;

/// <summary>What a snapshot assertion does when the received text differs from (or has no) verified file.</summary>
public enum SnapshotMode
{
    /// <summary>Fail, and leave a <c>.received.</c> file next to the verified one. The default, and always the mode on CI.</summary>
    Strict,

    /// <summary>Accept the received text: (over)write the verified file and pass. Never chosen when <c>CI=true</c>.</summary>
    Accept,
}

/// <summary>Chooses the <see cref="SnapshotMode"/> from environment variables.</summary>
/// <remarks>
/// The opt-in update switch is <c>UPDATE_SNAPSHOTS=1</c> (or <c>true</c>); <c>ACCEPT_SNAPSHOTS=1</c> is accepted as an alias.
/// These are our own names: unlike Verify, this harness never launches a diff tool, so Verify/DiffEngine variables
/// such as <c>DiffEngine_Disabled</c> are neither needed nor read. When <c>CI</c> is set to <c>true</c>/<c>1</c>
/// the mode is always <see cref="SnapshotMode.Strict"/>, whatever the switches say: CI never auto-accepts, so a missing
/// or stale verified file fails there.
/// </remarks>
public static class SnapshotEnvironment
{
    /// <summary>The update switch.</summary>
    public const string UpdateVariable = "UPDATE_SNAPSHOTS";

    /// <summary>An alias of <see cref="UpdateVariable"/>.</summary>
    public const string AcceptAliasVariable = "ACCEPT_SNAPSHOTS";

    /// <summary>Set to <c>true</c> by CI; disables the update switch.</summary>
    public const string CiVariable = "CI";

    /// <summary>The mode for the current process environment.</summary>
    public static SnapshotMode CurrentMode => ModeFrom(Environment.GetEnvironmentVariable);

    /// <summary>The mode for an environment given as a lookup (injectable for tests).</summary>
    public static SnapshotMode ModeFrom(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        if (IsSet(getVariable(CiVariable)))
        {
            return SnapshotMode.Strict;
        }

        return IsSet(getVariable(UpdateVariable)) || IsSet(getVariable(AcceptAliasVariable))
            ? SnapshotMode.Accept
            : SnapshotMode.Strict;
    }

    private static bool IsSet(string? value) =>
        value is not null
        && (value.Trim() == "1" || string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase));
}
