using System.Globalization;
using System.Linq;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Generator.Emit;

/// <summary>
/// The part of a rule union's reader that looks one level down: for a property some rule looks into
/// (<see cref="UnionTypeModel.NestedProbes"/>), the probe walks that object's members and notes the ones asked for,
/// instead of skipping the value.
/// </summary>
internal static partial class ProtocolEmitter
{
    /// <summary>Properties the probe reads into, that are not probed for presence or value already.</summary>
    private static System.Collections.Generic.IEnumerable<string> NestedOnlyProperties(UnionTypeModel union, System.Collections.Generic.List<string> handled)
        => union.NestedProbes.Select(p => p.Property).Distinct().Where(p => !handled.Contains(p));

    /// <summary>
    /// Emits what follows the property name of <paramref name="property"/> in the probe loop: read the value, and
    /// either skip it or, when rules look into it, note which of the members they ask for it has.
    /// </summary>
    private static void EmitProbeValue(SourceWriter w, UnionTypeModel union, string property)
    {
        w.Line("probe.Read();");
        var probes = union.NestedProbes.Select((p, i) => (Probe: p, Bit: union.ProbedProperties.Count + i)).Where(p => p.Probe.Property == property).ToList();
        if (probes.Count == 0)
        {
            w.Line("probe.Skip();");
            return;
        }

        w.Open("if (probe.TokenType == " + TokenType + ".StartObject)");
        w.Open("while (probe.Read() && probe.TokenType == " + TokenType + ".PropertyName)");
        var keyword = "if";
        foreach (var (probe, bit) in probes)
        {
            w.Open(keyword + " (probe.ValueTextEquals(" + SourceWriter.Literal(probe.Member) + "u8))");
            w.Line("seen |= 1L << " + bit.ToString(CultureInfo.InvariantCulture) + ";");
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
