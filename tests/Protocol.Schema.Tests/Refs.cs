using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>Expected <see cref="TypeRef"/> values, spelled out independently of the reader.</summary>
internal static class Refs
{
    public static TypeRef String(bool nullable = false) => new ScalarTypeRef(TypeKind.String, "string", nullable);

    public static TypeRef Int32(bool nullable = false) => new ScalarTypeRef(TypeKind.Int32, "int", nullable);

    public static TypeRef Int64(bool nullable = false) => new ScalarTypeRef(TypeKind.Int64, "long", nullable);

    public static TypeRef Double(bool nullable = false) => new ScalarTypeRef(TypeKind.Double, "double", nullable);

    public static TypeRef Boolean(bool nullable = false) => new ScalarTypeRef(TypeKind.Boolean, "bool", nullable);

    public static TypeRef DateTimeOffset(bool nullable = false) => new ScalarTypeRef(TypeKind.DateTimeOffset, "global::System.DateTimeOffset", nullable);

    public static TypeRef Guid(bool nullable = false) => new ScalarTypeRef(TypeKind.Guid, "global::System.Guid", nullable);

    public static TypeRef Uri(bool nullable = false) => new ScalarTypeRef(TypeKind.Uri, "global::System.Uri", nullable);

    public static TypeRef Json(bool nullable = false) => new JsonElementTypeRef(nullable);

    public static TypeRef Object(string name, bool nullable = false, string ns = Schema.DefaultNamespace) => Named(TypeKind.Object, name, nullable, ns);

    public static TypeRef Union(string name, bool nullable = false, string ns = Schema.DefaultNamespace) => Named(TypeKind.Union, name, nullable, ns);

    public static TypeRef Enum(string name, bool nullable = false, string ns = Schema.DefaultNamespace) => Named(TypeKind.Enum, name, nullable, ns);

    public static TypeRef Named(TypeKind kind, string name, bool nullable = false, string ns = Schema.DefaultNamespace)
        => new GeneratedTypeRef(kind, Schema.Global(name, ns), Schema.GlobalConverter(name, ns), nullable);

    public static TypeRef List(TypeRef element, bool nullable = false)
        => new ArrayTypeRef(element, nullable);

    public static TypeRef Map(TypeRef element, bool nullable = false)
        => new MapTypeRef(element, nullable);
}
