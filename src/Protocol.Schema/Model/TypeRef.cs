namespace Sessions.Protocol.Schema.Model;

/// <summary>How a value is represented in C# and on the wire.</summary>
public enum TypeKind
{
    /// <summary><c>string</c>.</summary>
    String,

    /// <summary><c>int</c> (format int32).</summary>
    Int32,

    /// <summary><c>long</c> (integer, format int64 or none).</summary>
    Int64,

    /// <summary><c>double</c>.</summary>
    Double,

    /// <summary><c>bool</c>.</summary>
    Boolean,

    /// <summary><c>DateTimeOffset</c> (format date-time).</summary>
    DateTimeOffset,

    /// <summary><c>Guid</c> (format uuid).</summary>
    Guid,

    /// <summary><c>Uri</c> (format uri or uri-reference).</summary>
    Uri,

    /// <summary><c>JsonElement</c>: any JSON.</summary>
    Json,

    /// <summary>A generated record.</summary>
    Object,

    /// <summary>A generated union base record.</summary>
    Union,

    /// <summary>A generated enum.</summary>
    Enum,

    /// <summary><c>IReadOnlyList&lt;T&gt;</c>.</summary>
    Array,

    /// <summary><c>IReadOnlyDictionary&lt;string, T&gt;</c>.</summary>
    Map,

    /// <summary>A generated open-enum value type (<see cref="ExtensibleEnumTypeModel"/>).</summary>
    ExtensibleEnum,

    /// <summary>A generated dictionary class of a definition that is only a map (<see cref="MapTypeModel"/>).</summary>
    NamedMap,

    /// <summary>A generated union of JSON kinds (<see cref="KindUnionTypeModel"/>), a value type.</summary>
    KindUnion,
}

/// <summary>A reference to a type, with its final C# spelling.</summary>
/// <param name="Kind">The kind of value.</param>
/// <param name="TypeName">The global::-qualified C# type, without the nullable mark.</param>
/// <param name="ConverterName">For generated types, the global::-qualified converter class; else null.</param>
/// <param name="Element">For arrays and maps, the element type.</param>
/// <param name="IsNullable">Whether null is allowed (or the property is optional).</param>
public sealed record TypeRef(TypeKind Kind, string TypeName, string? ConverterName, TypeRef? Element, bool IsNullable)
{
    /// <summary>The C# type as written in a declaration, with <c>?</c> when nullable.</summary>
    public string Declaration => IsNullable ? TypeName + "?" : TypeName;

    /// <summary>Whether the C# type is a value type (so nullable means <c>Nullable&lt;T&gt;</c>).</summary>
    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean
        or TypeKind.DateTimeOffset or TypeKind.Guid or TypeKind.Json or TypeKind.Enum or TypeKind.ExtensibleEnum or TypeKind.KindUnion;

    /// <summary>The same type, nullable or not.</summary>
    public TypeRef WithNullable(bool nullable) => nullable == IsNullable ? this : this with { IsNullable = nullable };
}
