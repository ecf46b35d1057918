using System.Globalization;
using System.Linq;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Generator.Emit;

/// <summary>Arrays read by position (<see cref="TupleTypeModel"/>): a record with one property per position, and its converter.</summary>
internal static partial class ProtocolEmitter
{
    private static void EmitTuple(SourceWriter w, TupleTypeModel tuple, GeneratedTypeFile file)
    {
        w.Summary(tuple.Summary);
        w.Line("/// <remarks>");
        w.Line("/// On the wire a JSON array of " + tuple.PositionCount + ": " + string.Join(", ", tuple.Positions.Select(p => "[" + Number(p.Index) + "] <see cref=\"" + p.Name + "\"/>")) + ".");
        if (tuple.RequiredCount < tuple.Positions.Count)
        {
            w.Line("/// The array may end before an optional position (null then); it is written up to the last one that is not null.");
        }

        w.Line(tuple.Rest is { } rest
            ? "/// Items after them are kept in <see cref=\"" + rest.Name + "\"/> and written back."
            : "/// The schema allows no items after them: reading such an array throws.");
        w.Line("/// </remarks>");
        ConverterAttribute(w, file, tuple.ConverterName);
        w.Line(GeneratedCode);
        w.Open(file.Accessibility + " sealed partial record " + tuple.Name);
        var first = true;
        foreach (var position in tuple.Positions)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Summary(position.Description ?? "Position " + Number(position.Index) + " of the array.");
            w.Line("/// <remarks>On the wire: item [" + Number(position.Index) + "]" + (position.IsRequired ? "." : ", optional.") + "</remarks>");
            w.Line("public " + (position.IsRequired ? "required " : string.Empty) + position.Type.Declaration + " " + position.Name + " { get; init; }");
        }

        if (tuple.Rest is { } kept)
        {
            w.Line();
            w.Summary(kept.Description is { } description
                ? "The items after the " + tuple.PositionCount + " (null when there were none): " + description
                : "The items after the " + tuple.PositionCount + ", as received (null when there were none); written back after them.");
            w.Line("public " + kept.List.Declaration + " " + kept.Name + " { get; init; }");
        }

        w.Close();
    }

    private static void EmitTupleConverter(SourceWriter w, TupleTypeModel tuple, GeneratedTypeFile file)
    {
        var type = Global(file, tuple.Name);
        var owner = SourceWriter.Literal(tuple.ErrorOwner);
        OpenConverter(w, file, tuple.ConverterName, type);
        Overrides(w, type);
        w.Line();
        w.Line("/// <summary>Reads one array, position by position; the reader is on its first token and is left on its last.</summary>");
        w.Line("/// <param name=\"reader\">The reader.</param>");
        w.Line("/// <returns>The value read.</returns>");
        w.Open("public static " + type + " ReadValue(ref " + Reader + " reader)");
        w.Open("if (reader.TokenType != " + TokenType + ".StartArray)");
        w.Line("throw " + ValueCode.Helpers + ".UnexpectedToken(ref reader, " + owner + ", \"an array\");");
        w.Close();
        w.Line();
        foreach (var position in tuple.Positions)
        {
            w.Line(position.Type.Declaration + " " + position.Local + " = default" + (position.Type.IsNullable || position.Type.IsValueType ? ";" : "!;"));
        }

        if (tuple.Rest is { } rest)
        {
            w.Line("global::System.Collections.Generic.List<" + rest.List.Element.Declaration + ">? rest = null;");
        }

        w.Line("var count = 0;");
        w.Open("while (reader.Read() && reader.TokenType != " + TokenType + ".EndArray)");
        w.Open("switch (count)");
        foreach (var position in tuple.Positions)
        {
            w.Line("case " + Number(position.Index) + ":");
            w.Line("    " + position.Local + " = " + ValueCode.Read(position.Type, "reader", SourceWriter.Literal(position.Label(tuple.Name))) + ";");
            w.Line("    break;");
        }

        w.Line("default:");
        if (tuple.Rest is { } kept)
        {
            w.Line("    (rest ??= new()).Add(" + ValueCode.Read(kept.List.Element, "reader", SourceWriter.Literal(tuple.RestErrorOwner!)) + ");");
            w.Line("    break;");
        }
        else
        {
            w.Line("    throw new " + Json + ".JsonException(" + SourceWriter.Literal(tuple.TooManyItemsMessage) + ");");
        }

        w.Close();
        w.Line();
        w.Line("count++;");
        w.Close();
        if (tuple.RequiredCount > 0)
        {
            w.Line();
            w.Open("if (count < " + Number(tuple.RequiredCount) + ")");
            w.Line("throw new " + Json + ".JsonException(" + SourceWriter.Literal(tuple.TooFewItemsMessageStart) + " + count + \".\");");
            w.Close();
        }

        w.Line();
        w.Open("return new " + type);
        foreach (var position in tuple.Positions)
        {
            w.Line(position.Name + " = " + position.Local + ",");
        }

        if (tuple.Rest is { } restProperty)
        {
            w.Line(restProperty.Name + " = rest,");
        }

        w.Close(";");
        w.Close();
        w.Line();
        w.Line("/// <summary>Writes one array, position by position.</summary>");
        w.Line("/// <param name=\"writer\">The writer.</param>");
        w.Line("/// <param name=\"value\">The value.</param>");
        w.Open("public static void WriteValue(" + Writer + " writer, " + type + " value)");
        var optional = tuple.OptionalPositions;
        if (optional.Count > 0)
        {
            // The array ends after the last optional position that is not null, unless items after the positions follow.
            var length = Number(tuple.RequiredCount);
            foreach (var position in optional)
            {
                length = "value." + position.Name + " is not null ? " + Number(position.Index + 1) + " : " + length;
            }

            if (tuple.Rest is { } after)
            {
                length = "value." + after.Name + " is { Count: > 0 } ? " + Number(tuple.Positions.Count) + " : " + length;
            }

            w.Line("var length = " + length + ";");
        }

        w.Line("writer.WriteStartArray();");
        foreach (var position in tuple.Positions)
        {
            if (position.IsRequired)
            {
                w.Line(ValueCode.WriteMaybeNull(position.Type, "writer", "value." + position.Name));
            }
            else
            {
                w.Open("if (length > " + Number(position.Index) + ")");
                w.Line(ValueCode.WriteMaybeNull(position.Type, "writer", "value." + position.Name));
                w.Close();
            }
        }

        if (tuple.Rest is { } written)
        {
            w.Open("if (value." + written.Name + " is { } rest)");
            w.Open("foreach (var item in rest)");
            w.Line(ValueCode.WriteMaybeNull(written.List.Element, "writer", "item"));
            w.Close();
            w.Close();
        }

        w.Line("writer.WriteEndArray();");
        w.Close();
        w.Close();
    }
}
