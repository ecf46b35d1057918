using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sessions.Protocol.Schema.Collections;

namespace Sessions.Protocol.Schema.Model;

/// <summary>
/// An array read by position (draft-07 <c>"items": [ ... ]</c>, 2020-12 <c>prefixItems</c>): a record with one property
/// per position, read and written in order, and the items after the positions kept or refused as the schema says.
/// </summary>
/// <param name="Name">The simple C# name.</param>
/// <param name="Description">The XML summary.</param>
/// <param name="ConverterName">The converter's simple name.</param>
/// <param name="Positions">The positions, in array order.</param>
/// <param name="RequiredCount">How many leading positions the array must have (<c>minItems</c>, at most the positions' count).</param>
/// <param name="Rest">
/// The property that keeps the items after the positions (read, written back after them), when the schema allows
/// such items (<c>additionalItems</c> or, beside <c>prefixItems</c>, <c>items</c> not <c>false</c>); null when it refuses them.
/// </param>
public sealed record TupleTypeModel(
    string Name,
    string? Description,
    string ConverterName,
    EquatableArray<TuplePositionModel> Positions,
    int RequiredCount,
    TupleRestModel? Rest) : TypeModel(Name, Description, ConverterName)
{
    /// <summary>The positions that may be missing from the end of the array, in order (the writer stops after the last present one).</summary>
    public IReadOnlyList<TuplePositionModel> OptionalPositions => Positions.Skip(RequiredCount).ToList();

    /// <summary>The positions in words, for the docs and errors: <c>2 positions</c>.</summary>
    public string PositionCount => Positions.Count.ToString(CultureInfo.InvariantCulture) + (Positions.Count == 1 ? " position" : " positions");

    /// <summary>What the errors of reading an item after the positions call it (<c>Trait.Rest</c>); null when the schema refuses such items.</summary>
    public string? RestErrorOwner => Rest is { } rest ? Name + "." + rest.Name : null;

    /// <summary>The error for an array longer than the positions when the schema refuses more items.</summary>
    public string TooManyItemsMessage => "Cannot read " + ErrorOwner + ": the array has more than " + PositionCount + ", and the schema allows no more.";

    /// <summary>The start of the error for an array shorter than <see cref="RequiredCount"/>; the reader appends the count it found.</summary>
    public string TooFewItemsMessageStart => "Cannot read " + ErrorOwner + ": the array must have at least " + RequiredCount.ToString(CultureInfo.InvariantCulture) + (RequiredCount == 1 ? " item" : " items") + " but has ";
}

/// <summary>One position of a <see cref="TupleTypeModel"/>.</summary>
/// <param name="Name">The C# property name: the position's <c>title</c> or <c>$ref</c> name, else <c>Item1</c>, <c>Item2</c>...</param>
/// <param name="Index">The position in the array (0 first).</param>
/// <param name="Type">Its type; nullable when the position is optional.</param>
/// <param name="IsRequired">Whether every array has it (its index is below the tuple's <c>minItems</c>): the property is then <c>required</c>.</param>
/// <param name="Description">The XML summary.</param>
public sealed record TuplePositionModel(string Name, int Index, TypeRef Type, bool IsRequired, string? Description)
{
    /// <summary>The reader's local holding the value while the array is read.</summary>
    public string Local => "position" + Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The position as the reader's errors name it: <c>Trait[1] (Options)</c>.</summary>
    public string Label(string tupleName) => tupleName + "[" + Index.ToString(CultureInfo.InvariantCulture) + "] (" + Name + ")";
}

/// <summary>The items after a tuple's positions, kept in a list property.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="List">The property's type: a nullable list (null when the array had no more items).</param>
/// <param name="Description">What the schema says of those items, or null.</param>
public sealed record TupleRestModel(string Name, ArrayTypeRef List, string? Description);
