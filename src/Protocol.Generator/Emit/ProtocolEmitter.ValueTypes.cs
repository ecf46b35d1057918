using System.Globalization;
using System.Linq;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Generator.Emit;

/// <summary>The generated value types: open enums and unions of JSON kinds, with their converters.</summary>
internal static partial class ProtocolEmitter
{
    private static void EmitExtensibleEnum(SourceWriter w, ExtensibleEnumTypeModel enumeration, GeneratedTypeFile file)
    {
        var name = enumeration.Name;
        w.Summary(enumeration.Summary);
        w.Line("/// <remarks>");
        w.Line("/// An open set: the known values are static members; any other string is kept as received and written back.");
        if (enumeration.OtherDescription is { } other)
        {
            w.Line("/// Other values: " + SourceWriter.Escape(other));
        }

        w.Line("/// </remarks>");
        ConverterAttribute(w, file, enumeration.ConverterName);
        w.Line(GeneratedCode);
        w.Open(file.Accessibility + " readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");
        w.Line("private readonly string? _value;");
        w.Line();
        w.Line("/// <summary>A value from its wire string.</summary>");
        w.Line("/// <param name=\"value\">The string on the wire.</param>");
        w.Open("public " + name + "(string value)");
        w.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        w.Close();
        foreach (var member in enumeration.Members)
        {
            w.Line();
            MemberSummary(w, member);
            w.Line("public static " + name + " " + member.Name + " { get; } = new(" + SourceWriter.Literal(member.WireValue) + ");");
        }

        w.Line();
        w.Line("/// <summary>Whether two values have the same wire string (ordinal).</summary>");
        w.Line("/// <param name=\"left\">The first value.</param>");
        w.Line("/// <param name=\"right\">The second value.</param>");
        w.Line("/// <returns>Whether they are equal.</returns>");
        w.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
        w.Line();
        w.Line("/// <summary>Whether two values have different wire strings (ordinal).</summary>");
        w.Line("/// <param name=\"left\">The first value.</param>");
        w.Line("/// <param name=\"right\">The second value.</param>");
        w.Line("/// <returns>Whether they differ.</returns>");
        w.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
        w.Line();
        w.Line("/// <summary>The value with this wire string.</summary>");
        w.Line("/// <param name=\"value\">The string on the wire.</param>");
        w.Line("public static implicit operator " + name + "(string value) => new(value);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public bool Equals(" + name + " other) => string.Equals(_value, other._value, global::System.StringComparison.Ordinal);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override int GetHashCode() => _value is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(_value);");
        w.Line();
        w.Line("/// <summary>The wire string.</summary>");
        w.Line("/// <returns>The string on the wire (empty for the default value).</returns>");
        w.Line("public override string ToString() => _value ?? string.Empty;");
        w.Close();
    }

    private static void MemberSummary(SourceWriter w, EnumMemberModel member)
    {
        var wire = "On the wire: <c>" + SourceWriter.Escape(member.WireValue) + "</c>.";
        if (member.Description is null)
        {
            w.Line("/// <summary>" + wire + "</summary>");
            return;
        }

        w.Summary(member.Description);
        w.Line("/// <remarks>" + wire + "</remarks>");
    }

    private static void EmitExtensibleEnumConverter(SourceWriter w, ExtensibleEnumTypeModel enumeration, GeneratedTypeFile file)
    {
        var type = Global(file, enumeration.Name);
        OpenConverter(w, file, enumeration.ConverterName, type);
        Overrides(w, type);
        w.Line();
        w.Line("/// <summary>Reads one value: any string.</summary>");
        w.Line("/// <param name=\"reader\">The reader, on a string token.</param>");
        w.Line("/// <returns>The value.</returns>");
        w.Open("public static " + type + " ReadValue(ref " + Reader + " reader)");
        w.Open("if (reader.TokenType != " + TokenType + ".String)");
        w.Line("throw " + ValueCode.Helpers + ".UnexpectedToken(ref reader, " + SourceWriter.Literal(enumeration.ErrorOwner) + ", \"a string\");");
        w.Close();
        w.Line();
        w.Line("return new " + type + "(reader.GetString()!);");
        w.Close();
        w.Line();
        w.Line("/// <summary>Writes one value: its wire string.</summary>");
        w.Line("/// <param name=\"writer\">The writer.</param>");
        w.Line("/// <param name=\"value\">The value.</param>");
        w.Line("public static void WriteValue(" + Writer + " writer, " + type + " value) => writer.WriteStringValue(value.ToString());");
        w.Close();
    }

    private static void EmitKindUnion(SourceWriter w, KindUnionTypeModel union, GeneratedTypeFile file)
    {
        var name = union.Name;
        w.Summary(union.Summary);
        w.Line("/// <remarks>");
        w.Line("/// One of: " + string.Join(", ", union.Cases.Select(c => "<see cref=\"As" + c.Name + "\"/> (a JSON " + c.KindWord + ")")) + ".");
        w.Line("/// Told apart on the wire by the kind of JSON value; use <see cref=\"Match{TResult}\"/> to handle every case.");
        w.Line("/// </remarks>");
        ConverterAttribute(w, file, union.ConverterName);
        w.Line(GeneratedCode);
        w.Open(file.Accessibility + " readonly partial struct " + name);
        EmitValueUnionMembers(w, name, union.Cases);
        w.Close();
    }

    private static void EmitNamedMap(SourceWriter w, MapTypeModel map, GeneratedTypeFile file)
    {
        w.Summary(map.Summary);
        ConverterAttribute(w, file, map.ConverterName);
        w.Line(GeneratedCode);
        w.Open(file.Accessibility + " sealed partial class " + map.Name + " : global::System.Collections.Generic.Dictionary<string, " + map.Value.Declaration + ">");
        w.Line("/// <summary>An empty map; keys compare ordinally, as JSON member names do.</summary>");
        w.Line("public " + map.Name + "()");
        w.Line("    : base(global::System.StringComparer.Ordinal)");
        w.Line("{");
        w.Line("}");
        w.Close();
    }

    private static void EmitNamedMapConverter(SourceWriter w, MapTypeModel map, GeneratedTypeFile file)
    {
        var type = Global(file, map.Name);
        var owner = SourceWriter.Literal(map.ErrorOwner);
        OpenConverter(w, file, map.ConverterName, type);
        Overrides(w, type);
        w.Line();
        w.Line("/// <summary>Reads one map; the reader is on its first token and is left on its last.</summary>");
        w.Line("/// <param name=\"reader\">The reader.</param>");
        w.Line("/// <returns>The map read.</returns>");
        w.Open("public static " + type + " ReadValue(ref " + Reader + " reader)");
        w.Line(ValueCode.Helpers + ".ExpectStartObject(ref reader, " + owner + ");");
        w.Line("var map = new " + type + "();");
        w.Open("while (reader.Read() && reader.TokenType == " + TokenType + ".PropertyName)");
        w.Line("var key = reader.GetString()!;");
        w.Line("reader.Read();");
        w.Line("map[key] = " + ValueCode.Read(map.Value, "reader", owner) + ";");
        w.Close();
        w.Line();
        w.Line("return map;");
        w.Close();
        w.Line();
        w.Line("/// <summary>Writes one map.</summary>");
        w.Line("/// <param name=\"writer\">The writer.</param>");
        w.Line("/// <param name=\"value\">The map.</param>");
        w.Open("public static void WriteValue(" + Writer + " writer, " + type + " value)");
        w.Line("writer.WriteStartObject();");
        w.Open("foreach (var member in value)");
        w.Line("writer.WritePropertyName(member.Key);");
        w.Line(ValueCode.WriteMaybeNull(map.Value, "writer", "member.Value"));
        w.Close();
        w.Line();
        w.Line("writer.WriteEndObject();");
        w.Close();
        w.Close();
    }

    private static void EmitKindUnionConverter(SourceWriter w, KindUnionTypeModel union, GeneratedTypeFile file)
    {
        var type = Global(file, union.Name);
        OpenConverter(w, file, union.ConverterName, type);
        Overrides(w, type);
        w.Line();
        w.Line("/// <summary>Reads one value; the kind of JSON token picks the case.</summary>");
        w.Line("/// <param name=\"reader\">The reader, on the value's first token; left on its last.</param>");
        w.Line("/// <returns>The value.</returns>");
        w.Open("public static " + type + " ReadValue(ref " + Reader + " reader)");
        var owner = SourceWriter.Literal(union.ErrorOwner);
        foreach (var c in union.Cases)
        {
            w.Open("if (" + TokenIs(c.Kind, union.IntegerCaseTestsRange) + ")");
            w.Line("return new " + type + "(" + ValueCode.Read(c.Type, "reader", owner) + ");");
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
