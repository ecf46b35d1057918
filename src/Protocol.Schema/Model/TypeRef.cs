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

    /// <summary>A generated record of an array read by position (<see cref="TupleTypeModel"/>).</summary>
    Tuple,
}

/// <summary>
/// A reference to a type, with its final C# spelling: one sealed record per shape (<see cref="ScalarTypeRef"/>,
/// <see cref="JsonElementTypeRef"/>, <see cref="ArrayTypeRef"/>, <see cref="MapTypeRef"/>, <see cref="GeneratedTypeRef"/>),
/// each holding only what that shape has.
/// </summary>
public abstract record TypeRef
{
    private protected TypeRef(bool isNullable) => IsNullable = isNullable;

    /// <summary>The kind of value.</summary>
    public abstract TypeKind Kind { get; }

    /// <summary>The global::-qualified C# type, without the nullable mark.</summary>
    public abstract string TypeName { get; }

    /// <summary>Whether null is allowed (or the property is optional).</summary>
    public bool IsNullable { get; init; }

    /// <summary>The C# type as written in a declaration, with <c>?</c> when nullable.</summary>
    public string Declaration => IsNullable ? TypeName + "?" : TypeName;

    /// <summary>Whether the C# type is a value type (so nullable means <c>Nullable&lt;T&gt;</c>).</summary>
    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean
        or TypeKind.DateTimeOffset or TypeKind.Guid or TypeKind.Json or TypeKind.Enum or TypeKind.ExtensibleEnum or TypeKind.KindUnion;

    /// <summary>The same type, nullable or not.</summary>
    public TypeRef WithNullable(bool nullable) => nullable == IsNullable ? this : this with { IsNullable = nullable };
}

/// <summary>A built-in scalar: <c>string</c>, a number, <c>bool</c>, <c>DateTimeOffset</c>, <c>Guid</c> or <c>Uri</c>.</summary>
public sealed record ScalarTypeRef : TypeRef
{
    /// <summary>A scalar of <paramref name="kind"/> spelled <paramref name="typeName"/>.</summary>
    /// <param name="kind">One of the scalar kinds (<see cref="TypeKind.String"/> to <see cref="TypeKind.Uri"/>).</param>
    /// <param name="typeName">The C# type.</param>
    /// <param name="isNullable">Whether null is allowed.</param>
    public ScalarTypeRef(TypeKind kind, string typeName, bool isNullable = false)
        : base(isNullable)
    {
        if (kind is not (TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Boolean or TypeKind.DateTimeOffset or TypeKind.Guid or TypeKind.Uri))
        {
            throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "Not a scalar kind.");
        }

        Kind = kind;
        TypeName = typeName;
    }

    /// <inheritdoc/>
    public override TypeKind Kind { get; }

    /// <inheritdoc/>
    public override string TypeName { get; }
}

/// <summary><c>JsonElement</c>: any JSON value, kept as received.</summary>
public sealed record JsonElementTypeRef : TypeRef
{
    /// <summary>A <c>JsonElement</c>.</summary>
    /// <param name="isNullable">Whether null is allowed.</param>
    public JsonElementTypeRef(bool isNullable = false)
        : base(isNullable)
    {
    }

    /// <inheritdoc/>
    public override TypeKind Kind => TypeKind.Json;

    /// <inheritdoc/>
    public override string TypeName => "global::System.Text.Json.JsonElement";
}

/// <summary>An array: <c>IReadOnlyList&lt;T&gt;</c> of <see cref="Element"/>.</summary>
public sealed record ArrayTypeRef : TypeRef
{
    /// <summary>An array of <paramref name="element"/>.</summary>
    /// <param name="element">The element type.</param>
    /// <param name="isNullable">Whether null is allowed.</param>
    public ArrayTypeRef(TypeRef element, bool isNullable = false)
        : base(isNullable) => Element = element;

    /// <summary>The element type.</summary>
    public TypeRef Element { get; }

    /// <inheritdoc/>
    public override TypeKind Kind => TypeKind.Array;

    /// <inheritdoc/>
    public override string TypeName => "global::System.Collections.Generic.IReadOnlyList<" + Element.Declaration + ">";
}

/// <summary>A map: <c>IReadOnlyDictionary&lt;string, T&gt;</c> of <see cref="Element"/>.</summary>
public sealed record MapTypeRef : TypeRef
{
    /// <summary>A map of strings to <paramref name="element"/>.</summary>
    /// <param name="element">The value type.</param>
    /// <param name="isNullable">Whether null is allowed.</param>
    public MapTypeRef(TypeRef element, bool isNullable = false)
        : base(isNullable) => Element = element;

    /// <summary>The value type.</summary>
    public TypeRef Element { get; }

    /// <inheritdoc/>
    public override TypeKind Kind => TypeKind.Map;

    /// <inheritdoc/>
    public override string TypeName => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Element.Declaration + ">";
}

/// <summary>A generated type (record, union, enum, open enum, union of JSON kinds, named map, tuple) and its converter.</summary>
public sealed record GeneratedTypeRef : TypeRef
{
    /// <summary>A generated type of <paramref name="kind"/>.</summary>
    /// <param name="kind">One of the generated kinds.</param>
    /// <param name="typeName">The global::-qualified C# type.</param>
    /// <param name="converterName">The global::-qualified converter class.</param>
    /// <param name="isNullable">Whether null is allowed.</param>
    public GeneratedTypeRef(TypeKind kind, string typeName, string converterName, bool isNullable = false)
        : base(isNullable)
    {
        if (kind is not (TypeKind.Object or TypeKind.Union or TypeKind.Enum or TypeKind.ExtensibleEnum or TypeKind.NamedMap or TypeKind.KindUnion or TypeKind.Tuple))
        {
            throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "Not a generated kind.");
        }

        Kind = kind;
        TypeName = typeName;
        ConverterName = converterName;
    }

    /// <inheritdoc/>
    public override TypeKind Kind { get; }

    /// <inheritdoc/>
    public override string TypeName { get; }

    /// <summary>The global::-qualified converter class, whose static <c>ReadValue</c>/<c>WriteValue</c> read and write the type.</summary>
    public string ConverterName { get; }
}
