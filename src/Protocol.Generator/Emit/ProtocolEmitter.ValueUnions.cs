using System.Collections.Generic;
using System.Linq;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Generator.Emit;

/// <summary>
/// The members every union printed as a value type shares (kind unions and anyOf unions): one field per case and a tag,
/// a constructor, <c>Is</c>/<c>As</c> and an implicit conversion per case, <c>Match</c>, <c>ToString</c>.
/// </summary>
internal static partial class ProtocolEmitter
{
    private static void EmitValueUnionMembers(SourceWriter w, string name, IReadOnlyList<IValueUnionCase> cases)
    {
        w.Line("private readonly int _tag;");
        foreach (var c in cases)
        {
            w.Line("private readonly " + c.Type.TypeName + (c.Type.IsValueType ? " " : "? ") + c.FieldName + ";");
        }

        foreach (var c in cases)
        {
            w.Line();
            w.Line("/// <summary>A value holding " + c.Holding + ".</summary>");
            w.Line("/// <param name=\"value\">The value.</param>");
            w.Open("public " + name + "(" + c.Type.TypeName + " value)");
            w.Line("_tag = " + Number(c.Tag) + ";");
            w.Line(c.FieldName + " = " + (c.Type.IsValueType ? "value" : "value ?? throw new global::System.ArgumentNullException(nameof(value))") + ";");
            foreach (var other in cases.Where(o => !ReferenceEquals(o, c)))
            {
                w.Line(other.FieldName + " = default;");
            }

            w.Close();
        }

        foreach (var c in cases)
        {
            w.Line();
            w.Line("/// <summary>Whether the value holds " + c.Holding + ".</summary>");
            Recognition(w, c);
            w.Line("public bool Is" + c.Name + " => _tag == " + Number(c.Tag) + ";");
            w.Line();
            w.Line("/// <summary>The value held, when it holds " + c.Holding + ".</summary>");
            Recognition(w, c);
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">When it holds another case.</exception>");
            w.Line("public " + c.Type.TypeName + " As" + c.Name + " => _tag == " + Number(c.Tag) + " ? " + Held(c) + " : throw Wrong(" + SourceWriter.Literal(c.Name) + ");");
        }

        foreach (var c in cases.Where(c => c.ConversionFrom is not null))
        {
            w.Line();
            w.Line("/// <summary>A value holding " + c.Holding + ".</summary>");
            w.Line("/// <param name=\"value\">The value.</param>");
            w.Line("public static implicit operator " + name + "(" + c.ConversionFrom + " value) => new(value);");
        }

        w.Line();
        w.Line("/// <summary>Calls the function for the case held.</summary>");
        w.Line("/// <typeparam name=\"TResult\">What the functions return.</typeparam>");
        foreach (var c in cases)
        {
            w.Line("/// <param name=\"" + c.ParameterName + "\">Called when it holds " + c.Holding + ".</param>");
        }

        w.Line("/// <returns>What the function called returned.</returns>");
        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">For the default value, which holds nothing.</exception>");
        w.Open("public TResult Match<TResult>(" + string.Join(", ", cases.Select(c => "global::System.Func<" + c.Type.TypeName + ", TResult> " + c.ParameterName)) + ") => _tag switch");
        foreach (var c in cases)
        {
            w.Line(Number(c.Tag) + " => " + c.ParameterName + "(" + Held(c) + "),");
        }

        w.Line("_ => throw Wrong(null),");
        w.Close(";");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override string ToString() => _tag switch");
        w.Line("{");
        foreach (var c in cases)
        {
            w.Line("    " + Number(c.Tag) + " => " + (c.Type.Kind == TypeKind.String ? c.FieldName + "!" : c.Type.IsValueType ? c.FieldName + ".ToString()" : c.FieldName + "!.ToString()!") + ",");
        }

        w.Line("    _ => string.Empty,");
        w.Line("};");
        w.Line();
        w.Line("private global::System.InvalidOperationException Wrong(string? wanted) => new(");
        w.Line("    (wanted is null ? " + SourceWriter.Literal(name + " holds no value") + " : " + SourceWriter.Literal(name + " is not ") + " + wanted) + \" (it holds \" + _tag switch");
        w.Line("    {");
        foreach (var c in cases)
        {
            w.Line("        " + Number(c.Tag) + " => " + SourceWriter.Literal(c.Name) + ",");
        }

        w.Line("        _ => \"nothing\",");
        w.Line("    } + \").\");");
    }

    /// <summary>Prints the converter's <c>WriteValue</c>: the case held, written as its own type.</summary>
    private static void EmitValueUnionWrite(SourceWriter w, string type, string name, IReadOnlyList<IValueUnionCase> cases)
    {
        w.Line("/// <summary>Writes the case held.</summary>");
        w.Line("/// <param name=\"writer\">The writer.</param>");
        w.Line("/// <param name=\"value\">The value.</param>");
        w.Open("public static void WriteValue(" + Writer + " writer, " + type + " value)");
        var first = true;
        foreach (var c in cases)
        {
            w.Open((first ? "if" : "else if") + " (value.Is" + c.Name + ")");
            w.Line(ValueCode.Write(c.Type, "writer", "value.As" + c.Name));
            w.Close();
            first = false;
        }

        w.Open("else");
        w.Line("throw new " + Json + ".JsonException(" + SourceWriter.Literal("Cannot write the default " + name + ": it holds no value.") + ");");
        w.Close();
        w.Close();
    }

    /// <summary>The test that the reader is on a token of this JSON kind (an integer must fit 64 bits when a number case takes the rest).</summary>
    private static string TokenIs(JsonKind kind, bool integerTestsRange) => kind switch
    {
        JsonKind.String => "reader.TokenType == " + TokenType + ".String",
        JsonKind.Integer when integerTestsRange => "reader.TokenType == " + TokenType + ".Number && reader.TryGetInt64(out _)",
        JsonKind.Integer or JsonKind.Number => "reader.TokenType == " + TokenType + ".Number",
        JsonKind.Boolean => "reader.TokenType is " + TokenType + ".True or " + TokenType + ".False",
        JsonKind.Array => "reader.TokenType == " + TokenType + ".StartArray",
        _ => "reader.TokenType == " + TokenType + ".StartObject",
    };

    private static string Held(IValueUnionCase c) => c.FieldName + (c.Type.IsValueType ? string.Empty : "!");

    private static void Recognition(SourceWriter w, IValueUnionCase c)
    {
        if (c.Recognition is { } recognition)
        {
            w.Line("/// <remarks>" + SourceWriter.Escape(recognition) + "</remarks>");
        }
    }
}
