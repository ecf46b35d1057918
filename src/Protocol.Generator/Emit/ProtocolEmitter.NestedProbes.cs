using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Generator.Emit;

/// <summary>
/// The part of a rule union's reader that looks one level down: for a property some rule looks into
/// (<see cref="ProbedMember.NestedMembers"/>), the probe walks that object's members and notes the ones asked for,
/// instead of skipping the value.
/// </summary>
internal static partial class ProtocolEmitter
{
    /// <summary>
    /// Emits what follows the name of <paramref name="member"/> in the probe loop: read the value, and either skip it
    /// or, when rules look into it, note which of the members they ask for it has.
    /// </summary>
    private static void EmitProbeValue(SourceWriter w, ProbedMember member)
    {
        w.Line("probe.Read();");
        if (member.NestedMembers.Count == 0)
        {
            w.Line("probe.Skip();");
            return;
        }

        w.Open("if (probe.TokenType == " + TokenType + ".StartObject)");
        w.Open("while (probe.Read() && probe.TokenType == " + TokenType + ".PropertyName)");
        var keyword = "if";
        foreach (var nested in member.NestedMembers)
        {
            w.Open(keyword + " (probe.ValueTextEquals(" + SourceWriter.Literal(nested.Member) + "u8))");
            w.Line("seen |= 1L << " + Number(nested.Bit) + ";");
            w.Close();
            keyword = "else if";
        }

        w.Line();
        w.Line("probe.Read();");
        w.Line("probe.Skip();");
        w.Close();
        w.Close();
        w.Open("else");
        w.Line("probe.Skip();");
        w.Close();
    }
}
