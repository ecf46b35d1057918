using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>Expected <see cref="TypeRef"/> values, spelled out independently of the reader.</summary>
internal static class Refs
{
    public static TypeRef String(bool nullable = false) => new(TypeKind.String, "string", null, null, nullable);

    public static TypeRef Int32(bool nullable = false) => new(TypeKind.Int32, "int", null, null, nullable);

    public static TypeRef Int64(bool nullable = false) => new(TypeKind.Int64, "long", null, null, nullable);

    public static TypeRef Double(bool nullable = false) => new(TypeKind.Double, "double", null, null, nullable);

    public static TypeRef Boolean(bool nullable = false) => new(TypeKind.Boolean, "bool", null, null, nullable);

    public static TypeRef DateTimeOffset(bool nullable = false) => new(TypeKind.DateTimeOffset, "global::System.DateTimeOffset", null, null, nullable);

    public static TypeRef Guid(bool nullable = false) => new(TypeKind.Guid, "global::System.Guid", null, null, nullable);

    public static TypeRef Uri(bool nullable = false) => new(TypeKind.Uri, "global::System.Uri", null, null, nullable);

    public static TypeRef Json(bool nullable = false) => new(TypeKind.Json, Schema.JsonElement, null, null, nullable);

    public static TypeRef Object(string name, bool nullable = false, string ns = Schema.DefaultNamespace) => Named(TypeKind.Object, name, nullable, ns);

    public static TypeRef Union(string name, bool nullable = false, string ns = Schema.DefaultNamespace) => Named(TypeKind.Union, name, nullable, ns);

    public static TypeRef Enum(string name, bool nullable = false, string ns = Schema.DefaultNamespace) => Named(TypeKind.Enum, name, nullable, ns);

    public static TypeRef Named(TypeKind kind, string name, bool nullable = false, string ns = Schema.DefaultNamespace)
        => new(kind, Schema.Global(name, ns), Schema.GlobalConverter(name, ns), null, nullable);

    public static TypeRef List(TypeRef element, bool nullable = false)
        => new(TypeKind.Array, "global::System.Collections.Generic.IReadOnlyList<" + element.Declaration + ">", null, element, nullable);

    public static TypeRef Map(TypeRef element, bool nullable = false)
        => new(TypeKind.Map, "global::System.Collections.Generic.IReadOnlyDictionary<string, " + element.Declaration + ">", null, element, nullable);
}
