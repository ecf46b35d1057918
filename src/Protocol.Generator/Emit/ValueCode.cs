using System.Globalization;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Generator.Emit;

/// <summary>The C# expressions that read or write one value of a <see cref="TypeRef"/>.</summary>
internal static class ValueCode
{
    public const string Helpers = "global::Sessions.Protocol.Generated.ProtocolJson";

    /// <summary>An expression reading the value at <paramref name="reader"/>'s current token.</summary>
    /// <param name="type">The value's type (nullability included).</param>
    /// <param name="reader">The reader variable.</param>
    /// <param name="owner">A C# string literal naming the type and property, for error messages.</param>
    /// <param name="depth">Nesting depth, to name lambda parameters of arrays of arrays.</param>
    public static string Read(TypeRef type, string reader, string owner, int depth = 0)
    {
        var read = ReadNonNull(type, reader, owner, depth);
        return type.IsNullable
            ? "(" + reader + ".TokenType == global::System.Text.Json.JsonTokenType.Null ? default(" + type.Declaration + ") : " + read + ")"
            : read;
    }

    private static string ReadNonNull(TypeRef type, string reader, string owner, int depth)
    {
        var args = "(ref " + reader + ", " + owner + ")";
        switch (type.Kind)
        {
            case TypeKind.String: return Helpers + ".ReadString" + args;
            case TypeKind.Int32: return Helpers + ".ReadInt32" + args;
            case TypeKind.Int64: return Helpers + ".ReadInt64" + args;
            case TypeKind.Double: return Helpers + ".ReadDouble" + args;
            case TypeKind.Boolean: return Helpers + ".ReadBoolean" + args;
            case TypeKind.DateTimeOffset: return Helpers + ".ReadDateTimeOffset" + args;
            case TypeKind.Guid: return Helpers + ".ReadGuid" + args;
            case TypeKind.Uri: return Helpers + ".ReadUri" + args;
            case TypeKind.Json: return "global::System.Text.Json.JsonElement.ParseValue(ref " + reader + ")";
            case TypeKind.Object:
            case TypeKind.Union:
            case TypeKind.Enum:
            case TypeKind.ExtensibleEnum:
            case TypeKind.KindUnion:
            case TypeKind.NamedMap:
            case TypeKind.Tuple:
                return ConverterOf(type) + ".ReadValue(ref " + reader + ")";
            case TypeKind.Map when ElementOf(type).Kind == TypeKind.Json && !ElementOf(type).IsNullable:
                return Helpers + ".ReadElementMap" + args;
            case TypeKind.Array:
            case TypeKind.Map:
                var inner = "r" + (depth + 1).ToString(CultureInfo.InvariantCulture);
                var element = Read(ElementOf(type), inner, owner, depth + 1);
                var method = type.Kind == TypeKind.Array ? ".ReadArray<" : ".ReadMap<";
                return Helpers + method + ElementOf(type).Declaration + ">(ref " + reader + ", " + owner
                       + ", static (ref global::System.Text.Json.Utf8JsonReader " + inner + ") => " + element + ")";
            default:
                return "default!";
        }
    }

    /// <summary>A statement writing <paramref name="value"/> (never null here) with <paramref name="writer"/>.</summary>
    public static string Write(TypeRef type, string writer, string value, int depth = 0)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.DateTimeOffset:
            case TypeKind.Guid:
                return writer + ".WriteStringValue(" + value + ");";
            case TypeKind.Uri:
                return writer + ".WriteStringValue(" + value + ".OriginalString);";
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Double:
                return writer + ".WriteNumberValue(" + value + ");";
            case TypeKind.Boolean:
                return writer + ".WriteBooleanValue(" + value + ");";
            case TypeKind.Json:
                return Helpers + ".WriteElement(" + writer + ", " + value + ");";
            case TypeKind.Object:
            case TypeKind.Union:
            case TypeKind.Enum:
            case TypeKind.ExtensibleEnum:
            case TypeKind.KindUnion:
            case TypeKind.NamedMap:
            case TypeKind.Tuple:
                return ConverterOf(type) + ".WriteValue(" + writer + ", " + value + ");";
            case TypeKind.Array:
            case TypeKind.Map:
                var suffix = (depth + 1).ToString(CultureInfo.InvariantCulture);
                var (w, x) = ("w" + suffix, "x" + suffix);
                var method = type.Kind == TypeKind.Array ? ".WriteArray(" : ".WriteMap(";
                return Helpers + method + writer + ", " + value + ", static (" + w + ", " + x + ") => { " + WriteMaybeNull(ElementOf(type), w, x, depth + 1) + " });";
            default:
                return writer + ".WriteNullValue();";
        }
    }

    /// <summary>
    /// Statements writing the property named by the pre-encoded <paramref name="name"/> field and its
    /// <paramref name="value"/> (never null here): one writer call for a scalar (name and value validated and sized
    /// together), else the name and then the value.
    /// </summary>
    public static string WriteNamed(TypeRef type, string writer, string name, string value)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.DateTimeOffset:
            case TypeKind.Guid:
                return writer + ".WriteString(" + name + ", " + value + ");";
            case TypeKind.Uri:
                return writer + ".WriteString(" + name + ", " + value + ".OriginalString);";
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Double:
                return writer + ".WriteNumber(" + name + ", " + value + ");";
            case TypeKind.Boolean:
                return writer + ".WriteBoolean(" + name + ", " + value + ");";
            default:
                return writer + ".WritePropertyName(" + name + ");\n" + Write(type, writer, value);
        }
    }

    /// <summary>The converter class of a generated type.</summary>
    public static string ConverterOf(TypeRef type) => ((GeneratedTypeRef)type).ConverterName;

    /// <summary>The element type of an array or map.</summary>
    public static TypeRef ElementOf(TypeRef type) => type is ArrayTypeRef array ? array.Element : ((MapTypeRef)type).Element;

    /// <summary>Writes a value that may be null (writing JSON null for it).</summary>
    public static string WriteMaybeNull(TypeRef type, string writer, string value, int depth = 0)
    {
        if (!type.IsNullable)
        {
            return Write(type, writer, value, depth);
        }

        var bound = "v" + depth.ToString(CultureInfo.InvariantCulture);
        return "if (" + value + " is { } " + bound + ") { " + Write(type, writer, bound, depth) + " } else { " + writer + ".WriteNullValue(); }";
    }
}
