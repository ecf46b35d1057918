using System.Linq;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Generator.Emit;

/// <summary>An <c>anyOf</c> read by first match (<see cref="AnyOfUnionTypeModel"/>): a value type with one case per alternative, and its converter.</summary>
internal static partial class ProtocolEmitter
{
    private static void EmitAnyOfUnion(SourceWriter w, AnyOfUnionTypeModel union, GeneratedTypeFile file)
    {
        var name = union.Name;
        w.Summary(union.Summary);
        w.Line("/// <remarks>");
        w.Line("/// One of: " + string.Join(", ", union.Cases.Select(c => "<see cref=\"As" + c.Name + "\"/>")) + ". The schema's <c>anyOf</c> lets a value satisfy");
        w.Line("/// several of them: the first listed that it satisfies is taken (told by the kind of JSON value, then by trying the");
        w.Line("/// alternatives in order). Use <see cref=\"Match{TResult}\"/> to handle every case.");
        w.Line("/// </remarks>");
        ConverterAttribute(w, file, union.ConverterName);
        w.Line(GeneratedCode);
        w.Open(file.Accessibility + " readonly partial struct " + name);
        EmitValueUnionMembers(w, name, union.Cases);
        w.Close();
    }

    private static void EmitAnyOfUnionConverter(SourceWriter w, AnyOfUnionTypeModel union, GeneratedTypeFile file)
    {
        var type = Global(file, union.Name);
        var owner = SourceWriter.Literal(union.ErrorOwner);
        OpenConverter(w, file, union.ConverterName, type);
        Overrides(w, type);
        w.Line();
        w.Line("/// <summary>Reads one value: the kind of JSON token picks the alternatives that may take it, tried in the schema's order.</summary>");
        w.Line("/// <param name=\"reader\">The reader, on the value's first token; left on its last.</param>");
        w.Line("/// <returns>The value.</returns>");
        w.Open("public static " + type + " ReadValue(ref " + Reader + " reader)");
        foreach (var (kind, candidates) in union.CandidatesByKind)
        {
            w.Open("if (" + TokenIs(kind, union.IntegerCaseTestsRange) + ")");
            for (var i = 0; i < candidates.Count - 1; i++)
            {
                // Not the last alternative for this kind: taken only when it reads the value and writes it back unchanged.
                var c = candidates[i];
                var local = c.ReadLocal;
                w.Open("if (" + ValueCode.Helpers + ".TryReadExactly<" + c.Type.TypeName + ">(ref reader, static (ref " + Reader + " r) => " + ValueCode.Read(c.Type, "r", SourceWriter.Literal(union.ErrorOwnerOf(c)))
                       + ", static (w, v) => { " + ValueCode.Write(c.Type, "w", "v") + " }, out var " + local + "))");
                w.Line("return new " + type + "(" + local + ");");
                w.Close();
                w.Line();
            }

            var last = candidates[candidates.Count - 1];
            w.Line("return new " + type + "(" + ValueCode.Read(last.Type, "reader", SourceWriter.Literal(union.ErrorOwnerOf(last))) + ");");
            w.Close();
            w.Line();
        }

        w.Line("throw " + ValueCode.Helpers + ".UnexpectedToken(ref reader, " + owner + ", " + SourceWriter.Literal(union.ExpectedKinds) + ");");
        w.Close();
        w.Line();
        EmitValueUnionWrite(w, type, union.Name, union.Cases);
        w.Close();
    }
}
