namespace Sessions.Protocol.Schema.Model;

/// <summary>
/// One case of a union printed as a value type (a <see cref="KindUnionTypeModel"/> or an <see cref="AnyOfUnionTypeModel"/>):
/// what the shared shape of those structs (fields, constructors, <c>Is</c>/<c>As</c>, conversions, <c>Match</c>) needs.
/// </summary>
public interface IValueUnionCase
{
    /// <summary>The case's C# name: <c>Is{Name}</c>, <c>As{Name}</c>.</summary>
    string Name { get; }

    /// <summary>The case's C# type.</summary>
    TypeRef Type { get; }

    /// <summary>Its number in the union's tag field (1-based; 0 is the default value, holding nothing).</summary>
    int Tag { get; }

    /// <summary>The type the implicit conversion takes, or null for none.</summary>
    string? ConversionFrom { get; }

    /// <summary>The union's field holding this case's value.</summary>
    string FieldName { get; }

    /// <summary>The parameter of <c>Match</c> called for this case.</summary>
    string ParameterName { get; }

    /// <summary>What a value of this case holds, in words for the docs (<c>a JSON string</c>, or the case's name).</summary>
    string Holding { get; }

    /// <summary>How a value is recognised as this case, for the docs of <c>Is</c>/<c>As</c>; null when <see cref="Holding"/> says it.</summary>
    string? Recognition { get; }
}
