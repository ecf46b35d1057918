using System.Collections.Generic;
using System.Linq;
using Sessions.Protocol.Schema.Collections;

namespace Sessions.Protocol.Schema.Model;

/// <summary>
/// An <c>anyOf</c> whose alternatives overlap in JSON kind (Kafka's message key: a Reference, a JSON Schema object or an
/// Avro schema, itself a string, array or object): a value may satisfy several alternatives, so the first listed that
/// it can satisfy is taken. A value type with one case per alternative, told apart by the token kind and, where several
/// alternatives take that kind, by trying them in order: an alternative that is not the last for its kind is taken
/// only when its type reads the value and writes it back as the same JSON.
/// </summary>
/// <param name="Name">The simple C# name.</param>
/// <param name="Description">The XML summary.</param>
/// <param name="ConverterName">The converter's simple name.</param>
/// <param name="Cases">One case per alternative, in the schema's order.</param>
public sealed record AnyOfUnionTypeModel(
    string Name,
    string? Description,
    string ConverterName,
    EquatableArray<AnyOfCaseModel> Cases) : TypeModel(Name, Description, ConverterName)
{
    /// <summary>Each token kind some case takes, in reading order (Integer before Number), with the cases that take it in the schema's order.</summary>
    public IReadOnlyList<(JsonKind Kind, IReadOnlyList<AnyOfCaseModel> Cases)> CandidatesByKind
        => Cases.SelectMany(c => c.Kinds).Distinct().OrderBy(k => k)
            .Select(k => (k, (IReadOnlyList<AnyOfCaseModel>)Cases.Where(c => c.Kinds.Contains(k)).ToList()))
            .ToList();

    /// <summary>Whether an integer token must fit 64 bits to be read as an integer (a case takes other numbers).</summary>
    public bool IntegerCaseTestsRange => Cases.Any(c => c.Kinds.Contains(JsonKind.Number));

    /// <summary>The token kinds it accepts, in words, for the error on any other.</summary>
    public string ExpectedKinds => string.Join(" or ", CandidatesByKind.Select(k => KindUnionCaseModel.WithArticle(k.Kind)));

    /// <summary>What the errors of reading a case call it: the union's name and the case's (<c>Key.Reference</c>).</summary>
    /// <param name="c">One of <see cref="Cases"/>.</param>
    /// <returns>The owner.</returns>
    public string ErrorOwnerOf(AnyOfCaseModel c) => Name + "." + c.Name;
}

/// <summary>One alternative of an <see cref="AnyOfUnionTypeModel"/>.</summary>
/// <param name="Name">The case's C# name (the alternative's definition name, else <c>Alternative1</c>...): <c>Is{Name}</c>, <c>As{Name}</c>.</param>
/// <param name="Type">The alternative's C# type.</param>
/// <param name="KindMask">The JSON kinds it takes: bit <c>(int)kind</c> per <see cref="JsonKind"/>.</param>
/// <param name="Tag">Its number in the union's tag field (1-based; 0 is the default value, holding nothing).</param>
/// <param name="ConversionFrom">The type the implicit conversion takes, or null for none (an interface, or a type another case takes too).</param>
/// <param name="Recognition">How a value is recognised as this case, in words, for its XML docs.</param>
public sealed record AnyOfCaseModel(string Name, TypeRef Type, int KindMask, int Tag, string? ConversionFrom, string Recognition) : IValueUnionCase
{
    /// <summary>The JSON kinds it takes, in reading order.</summary>
    public IReadOnlyList<JsonKind> Kinds => Enumerable.Range(0, 6).Where(i => (KindMask & (1 << i)) != 0).Select(i => (JsonKind)i).ToList();

    /// <inheritdoc/>
    public string FieldName => "_" + char.ToLowerInvariant(Name[0]) + Name.Substring(1);

    /// <inheritdoc/>
    public string ParameterName => "when" + Name;

    /// <inheritdoc/>
    public string Holding => Name;

    /// <summary>The reader's local that receives the value when this case reads it exactly (<c>asReference</c>).</summary>
    public string ReadLocal => "as" + Name;
}
