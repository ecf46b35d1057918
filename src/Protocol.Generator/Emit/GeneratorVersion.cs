namespace Sessions.Protocol.Generator.Emit;

/// <summary>
/// The generator's own version, as <c>[GeneratedCode]</c> carries it: the assembly version (major.minor.build), not
/// the informational one, whose commit hash would change every generated file on every commit.
/// </summary>
internal static class GeneratorVersion
{
    public static readonly string Value = typeof(GeneratorVersion).Assembly.GetName().Version is { } version
        ? version.ToString(3)
        : "0.0.0";
}
