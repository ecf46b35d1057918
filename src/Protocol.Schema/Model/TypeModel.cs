using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sessions.Protocol.Schema.Collections;

namespace Sessions.Protocol.Schema.Model;

/// <summary>A C# type to generate. Every name in it is final: the emitter prints, it does not decide.</summary>
/// <param name="Name">The simple C# name.</param>
/// <param name="Description">The schema description, becomes the XML summary.</param>
/// <param name="ConverterName">The simple name of its JSON converter class.</param>
public abstract record TypeModel(string Name, string? Description, string ConverterName)
{
    /// <summary>
    /// The XML summary: the description, or a sentence that says there is none (so CS1591 does not fire in a consumer
    /// that documents its API).
    /// </summary>
    public string Summary => Description ?? Name + " (the schema gives no description).";

    /// <summary>What the converter's errors call this type (<c>Cannot read Shape: ...</c>): its C# name.</summary>
    public string ErrorOwner => Name;
}

/// <summary>A record from an object schema, possibly a variant of a union.</summary>
/// <param name="Name">The simple C# name.</param>
/// <param name="Description">The XML summary.</param>
/// <param name="ConverterName">The converter's simple name.</param>
/// <param name="Properties">Its own properties, in schema order.</param>
/// <param name="Variant">Set when the record is a variant of a union whose base is a record (its base class).</param>
/// <param name="Interfaces">The unions, generated as interfaces, it is also a variant of (a definition several unions share).</param>
/// <param name="ExtensionDataName">
/// The property that keeps members the schema does not declare (read as <c>JsonElement</c>, written back), when the
/// schema allows them (<c>additionalProperties</c> not <c>false</c>); null when it does not.
/// </param>
public sealed record ObjectTypeModel(
    string Name,
    string? Description,
    string ConverterName,
    EquatableArray<PropertyModel> Properties,
    VariantModel? Variant,
    EquatableArray<VariantModel> Interfaces = default,
    string? ExtensionDataName = null) : TypeModel(Name, Description, ConverterName)
{
    /// <summary>The properties its converter reads and writes: those it inherits from its base union, then its own.</summary>
    public IReadOnlyList<PropertyModel> AllProperties => (Variant?.InheritedProperties ?? default).Concat(Properties).ToList();

    /// <summary>How its converter reads <see cref="AllProperties"/>: each with the owner its errors name (<c>Circle.radius</c>).</summary>
    public IReadOnlyList<PropertyRead> PropertyReads => PropertyRead.Of(ErrorOwner, AllProperties);

    /// <summary>
    /// The union tags its converter writes itself, in order: its base union's, then each interface union's not written
    /// already; a tag that is one of its properties is written as that property instead.
    /// </summary>
    public IReadOnlyList<WrittenTag> WrittenTags
    {
        get
        {
            var properties = AllProperties;
            var tags = new List<WrittenTag>();
            foreach (var variant in new[] { Variant }.Concat(Interfaces))
            {
                if (variant is { DiscriminatorValue: { } value, DiscriminatorWireName: { } wire }
                    && !tags.Any(t => t.WireName == wire) && !properties.Any(p => p.WireName == wire))
                {
                    var suffix = tags.Count == 0 ? string.Empty : tags.Count.ToString(CultureInfo.InvariantCulture);
                    tags.Add(new WrittenTag(wire, value, "DiscriminatorName" + suffix, "DiscriminatorValue" + suffix));
                }
            }

            return tags;
        }
    }
}

/// <summary>A union tag a variant's converter writes itself (it is none of the variant's properties).</summary>
/// <param name="WireName">The tag property's name on the wire.</param>
/// <param name="Value">The variant's tag value.</param>
/// <param name="NameField">The converter's field holding the pre-encoded name.</param>
/// <param name="ValueField">The converter's field holding the pre-encoded value.</param>
public sealed record WrittenTag(string WireName, string Value, string NameField, string ValueField);

/// <summary>What a union variant record needs to know of its union.</summary>
/// <param name="Union">The union's base record.</param>
/// <param name="TypeEnum">The union's type enum.</param>
/// <param name="VisitorTypeName">The global::-qualified visitor interface, without its type argument.</param>
/// <param name="DiscriminatorWireName">The discriminator property on the wire, or null when the union has no tag.</param>
/// <param name="DiscriminatorPropertyName">The C# property that returns the type enum member.</param>
/// <param name="DiscriminatorValue">The tag value written for this variant, or null when it writes none of its own (no tag, or a tag that is one of its properties).</param>
/// <param name="TypeEnumMember">This variant's member of the union's type enum.</param>
/// <param name="InheritedProperties">The properties it inherits from the base record (read and written with its own).</param>
public sealed record VariantModel(
    TypeRef Union,
    TypeRef TypeEnum,
    string VisitorTypeName,
    string? DiscriminatorWireName,
    string DiscriminatorPropertyName,
    string? DiscriminatorValue,
    string TypeEnumMember,
    EquatableArray<PropertyModel> InheritedProperties);

/// <summary>A discriminated union: an abstract base record, its variants, an unknown variant, a type enum and a visitor.</summary>
/// <param name="Name">The base record's simple name.</param>
/// <param name="Description">The XML summary.</param>
/// <param name="ConverterName">The base converter's simple name.</param>
/// <param name="DiscriminatorWireName">The discriminator property on the wire, for example <c>type</c>.</param>
/// <param name="DiscriminatorPropertyName">The C# name of the type-enum property on the base record.</param>
/// <param name="BaseProperties">Properties every variant shares, declared on the base record.</param>
/// <param name="Variants">The variants, in schema order.</param>
/// <param name="TypeEnum">The enum of discriminator values (generated as its own <see cref="EnumTypeModel"/>).</param>
/// <param name="TypeEnumUnknownMember">The type enum's member for discriminators this version does not know.</param>
/// <param name="UnknownVariantName">The record that keeps an unknown discriminator and the raw JSON.</param>
/// <param name="UnknownConverterName">The unknown record's converter.</param>
/// <param name="UnknownDiscriminatorPropertyName">The unknown record's property holding the discriminator string as received; null when the union has no tag.</param>
/// <param name="UnknownRawPropertyName">The unknown record's property holding the whole JSON object.</param>
/// <param name="VisitorName">The visitor interface's simple name (generic in TResult).</param>
/// <param name="ProbedProperties">
/// When the variants are not told apart by one distinct tag value each: the properties whose presence the reader
/// notes (bit i of the presence mask is property i); variants then carry a <see cref="VariantRecognition"/>. Empty
/// for a union told apart by its tag alone.
/// </param>
/// <param name="Recognition">How the reader tells the variants apart, for the XML docs (null for a union told apart by its tag alone).</param>
/// <param name="IsInterface">
/// Whether the union is an interface rather than an abstract record: one of its variants is a variant of another union
/// too, and a record has one base class. Its variants implement it explicitly; it declares no shared properties.
/// </param>
/// <param name="NestedProbes">
/// Members of object properties whose presence the reader notes too: bit <c>ProbedProperties.Count + i</c> of the
/// presence mask is probe i (<c>alert</c> has <c>state</c>). Empty when no rule looks inside a property.
/// </param>
public sealed partial record UnionTypeModel(
    string Name,
    string? Description,
    string ConverterName,
    string? DiscriminatorWireName,
    string DiscriminatorPropertyName,
    EquatableArray<PropertyModel> BaseProperties,
    EquatableArray<UnionVariantModel> Variants,
    TypeRef TypeEnum,
    string TypeEnumUnknownMember,
    string UnknownVariantName,
    string UnknownConverterName,
    string? UnknownDiscriminatorPropertyName,
    string UnknownRawPropertyName,
    string VisitorName,
    EquatableArray<string> ProbedProperties = default,
    string? Recognition = null,
    bool IsInterface = false,
    EquatableArray<NestedProbe> NestedProbes = default) : TypeModel(Name, Description, ConverterName)
{
    /// <summary>Whether the reader decides by tag values and present properties (else by one distinct tag value per variant).</summary>
    public bool IsRecognisedByRules => Recognition is not null;

    /// <summary>What the unknown variant's converter errors call it: its C# name.</summary>
    public string UnknownErrorOwner => UnknownVariantName;

    /// <summary>How the unknown variant's converter reads <see cref="BaseProperties"/>, each with the owner its errors name.</summary>
    public IReadOnlyList<PropertyRead> UnknownPropertyReads => PropertyRead.Of(UnknownErrorOwner, BaseProperties);

    /// <summary>What the error for a tag that is not a string calls it (<c>Shape.type</c>); null when the union has no tag.</summary>
    public string? TagErrorOwner => DiscriminatorWireName is { } tag ? Name + "." + tag : null;
}

/// <summary>One variant as the union sees it.</summary>
/// <param name="Type">The variant record.</param>
/// <param name="DiscriminatorValue">Its discriminator on the wire.</param>
/// <param name="TypeEnumMember">Its member of the type enum.</param>
/// <param name="Recognition">When the union is recognised by rules: this variant's rule; else null.</param>
/// <param name="ReadsMembersAfterTag">
/// Whether the variant's converter writes the union's tag itself (see <see cref="ObjectTypeModel.WrittenTags"/>) and so
/// can read on from the tag's value when the tag comes first (its <c>ReadMembers</c>); false for a union told apart by rules.
/// </param>
public sealed record UnionVariantModel(TypeRef Type, string DiscriminatorValue, string TypeEnumMember, VariantRecognition? Recognition = null, bool ReadsMembersAfterTag = false);

/// <summary>
/// The rule that recognises one variant of a union not told apart by a distinct tag value each. Rules are tried by
/// <see cref="Order"/> (most specific first); the first that holds picks the variant, none gives the unknown variant.
/// </summary>
/// <param name="TagValues">The tag values that select it (empty: the tag does not select it).</param>
/// <param name="WhenTagAbsent">Whether it is selected when the tag property is absent (the variant lacks it or has it optional).</param>
/// <param name="RequiredMask">The bits of <see cref="UnionTypeModel.ProbedProperties"/> (then of <see cref="UnionTypeModel.NestedProbes"/>) that must all be present.</param>
/// <param name="Description">The rule in words, for the variant's XML docs.</param>
/// <param name="Order">Where the rule is tried among the union's rules (0 first): the more it asks, the earlier.</param>
/// <param name="ValueTests">
/// Properties other than the tag whose string value must be one of the listed ones (an <c>"http"</c> scheme whose
/// <c>scheme</c> is <c>"bearer"</c>); empty when the tag and the properties present suffice.
/// </param>
public sealed record VariantRecognition(EquatableArray<string> TagValues, bool WhenTagAbsent, long RequiredMask, string Description, int Order, EquatableArray<PropertyValueTest> ValueTests = default);

/// <summary>A property whose string value must be one of <see cref="Values"/> for a rule to hold.</summary>
/// <param name="Property">The property's name on the wire.</param>
/// <param name="Values">The values that satisfy the rule.</param>
/// <param name="Local">The reader's local that keeps the property's string value (<c>schemeValue</c>), the same in every rule that tests it.</param>
public sealed record PropertyValueTest(string Property, EquatableArray<string> Values, string Local);

/// <summary>A string enum; unknown wire values map to an explicit member.</summary>
/// <param name="Name">The simple C# name.</param>
/// <param name="Description">The XML summary.</param>
/// <param name="ConverterName">The converter's simple name.</param>
/// <param name="Members">Members in schema order.</param>
/// <param name="UnknownMember">The member that stands for values this version does not know (value 0).</param>
public sealed record EnumTypeModel(
    string Name,
    string? Description,
    string ConverterName,
    EquatableArray<EnumMemberModel> Members,
    string UnknownMember) : TypeModel(Name, Description, ConverterName)
{
    /// <summary>The members with their C# values: 1, 2, ... in schema order, as 0 is <see cref="UnknownMember"/> (the default value).</summary>
    public IEnumerable<(EnumMemberModel Member, int Value)> NumberedMembers => Members.Select((member, index) => (member, index + 1));

    /// <summary>The message of the error for the unknown member, whose wire value was not kept.</summary>
    public string NoWireValueMessage => ErrorOwner + " has no wire value for this member.";
}

/// <summary>One enum member.</summary>
/// <param name="Name">The C# member name.</param>
/// <param name="WireValue">The string on the wire.</param>
/// <param name="Description">The member's own description (an enum written as a oneOf of documented consts), or null.</param>
public sealed record EnumMemberModel(string Name, string WireValue, string? Description = null)
{
    /// <summary>The converter's field holding the pre-encoded wire value.</summary>
    public string EncodedField => "Encoded" + Name;
}

/// <summary>
/// An open string enum (known values plus any other string): a value type that keeps the wire string, with the known
/// values as static members, ordinal equality and an implicit conversion from <c>string</c>.
/// </summary>
/// <param name="Name">The simple C# name.</param>
/// <param name="Description">The XML summary.</param>
/// <param name="ConverterName">The converter's simple name.</param>
/// <param name="Members">The known values, in schema order.</param>
/// <param name="OtherDescription">What the schema says of the other strings, or null.</param>
public sealed record ExtensibleEnumTypeModel(
    string Name,
    string? Description,
    string ConverterName,
    EquatableArray<EnumMemberModel> Members,
    string? OtherDescription) : TypeModel(Name, Description, ConverterName);

/// <summary>A definition that is only a map (<c>"type": "object"</c> with <c>additionalProperties</c>): a dictionary class of its own name.</summary>
/// <param name="Name">The simple C# name.</param>
/// <param name="Description">The XML summary.</param>
/// <param name="ConverterName">The converter's simple name.</param>
/// <param name="Value">The type of the values.</param>
public sealed record MapTypeModel(string Name, string? Description, string ConverterName, TypeRef Value) : TypeModel(Name, Description, ConverterName);

/// <summary>The JSON token kinds a case of a <see cref="KindUnionTypeModel"/> is recognised by.</summary>
public enum JsonKind
{
    /// <summary>A string token.</summary>
    String,

    /// <summary>A number token that fits a 64-bit integer.</summary>
    Integer,

    /// <summary>Any number token.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>An array.</summary>
    Array,

    /// <summary>An object.</summary>
    Object,
}

/// <summary>
/// A union of values of different JSON kinds (<c>string | integer</c>, one-or-many, ...): a value type told apart by
/// the token kind, with one typed accessor, constructor and implicit conversion per case and an exhaustive <c>Match</c>.
/// </summary>
/// <param name="Name">The simple C# name.</param>
/// <param name="Description">The XML summary.</param>
/// <param name="ConverterName">The converter's simple name.</param>
/// <param name="Cases">The cases; a token kind selects at most one (Integer before Number).</param>
public sealed record KindUnionTypeModel(
    string Name,
    string? Description,
    string ConverterName,
    EquatableArray<KindUnionCaseModel> Cases) : TypeModel(Name, Description, ConverterName)
{
    /// <summary>Whether an integer case must check that the number fits 64 bits (a number case takes the others).</summary>
    public bool IntegerCaseTestsRange => Cases.Any(c => c.Kind == JsonKind.Number);

    /// <summary>The token kinds it accepts, in words, for the error on any other (<c>a string or an integer</c>).</summary>
    public string ExpectedKinds => string.Join(" or ", Cases.Select(c => c.KindWithArticle));
}

/// <summary>One case of a <see cref="KindUnionTypeModel"/>.</summary>
/// <param name="Name">The case's C# name (<c>String</c>, <c>Integer</c>, <c>Array</c>, ...): <c>Is{Name}</c>, <c>As{Name}</c>.</param>
/// <param name="Kind">The JSON kind that selects it.</param>
/// <param name="Type">The case's C# type.</param>
/// <param name="Tag">Its number in the union's tag field (1-based; 0 is the default value, holding nothing).</param>
/// <param name="ConversionFrom">The type the implicit conversion takes (an array case converts from <c>T[]</c>, as C# allows no conversion from an interface), or null for none.</param>
public sealed record KindUnionCaseModel(string Name, JsonKind Kind, TypeRef Type, int Tag, string? ConversionFrom) : IValueUnionCase
{
    /// <summary>The JSON kind in words, for the docs: <c>string</c>, <c>integer</c>, ...</summary>
    public string KindWord => Word(Kind);

    /// <summary>The JSON kind with its article, for error messages: <c>a string</c>, <c>an integer</c>, ...</summary>
    public string KindWithArticle => WithArticle(Kind);

    /// <summary>A JSON kind in words: <c>string</c>, <c>integer</c>, ...</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The word.</returns>
    public static string Word(JsonKind kind) => kind switch
    {
        JsonKind.String => "string",
        JsonKind.Integer => "integer",
        JsonKind.Number => "number",
        JsonKind.Boolean => "boolean",
        JsonKind.Array => "array",
        _ => "object",
    };

    /// <summary>A JSON kind with its article: <c>a string</c>, <c>an integer</c>, ...</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The words.</returns>
    public static string WithArticle(JsonKind kind) => (kind is JsonKind.Integer or JsonKind.Array or JsonKind.Object ? "an " : "a ") + Word(kind);

    /// <inheritdoc/>
    public string FieldName => "_" + char.ToLowerInvariant(Name[0]) + Name.Substring(1);

    /// <inheritdoc/>
    public string ParameterName => "when" + Name;

    /// <inheritdoc/>
    public string Holding => "a JSON " + KindWord;

    /// <inheritdoc/>
    public string? Recognition => null;
}

/// <summary>A property of a record.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="WireName">The JSON property name.</param>
/// <param name="Type">Its type (nullability included).</param>
/// <param name="IsRequired">Whether the JSON must contain it (the C# property is then <c>required</c>).</param>
/// <param name="Description">The XML summary.</param>
/// <param name="ConstValue">
/// When the schema fixes the value with <c>const</c>, that string: the property's initial value. A required one is read
/// as it when absent; an optional one (nullable) is read as received, so its absence round-trips.
/// </param>
/// <param name="IsDeprecated">Whether the schema marks it <c>"deprecated": true</c> (the property is then <c>[Obsolete]</c>).</param>
/// <param name="DefaultValue">
/// An optional property's literal <c>default</c>, its initial value: the string, the number's JSON text, <c>true</c> or
/// <c>false</c>, or, for an enum, the member's C# name. The property stays nullable and is read as received (null when
/// absent), so only records built in code start with it. Null when the schema gives no literal default.
/// </param>
public sealed record PropertyModel(string Name, string WireName, TypeRef Type, bool IsRequired, string? Description, string? ConstValue, bool IsDeprecated = false, string? DefaultValue = null)
{
    /// <summary>
    /// Whether the C# property is <c>required</c>: a required one that is not deprecated, as C# forbids
    /// <c>[Obsolete]</c> on a required member (CS9042); a deprecated one is required on the wire only.
    /// </summary>
    public bool IsRequiredMember => IsRequired && !IsDeprecated;

    /// <summary>
    /// Whether the C# property starts as <c>default!</c>: a reference that is required on the wire but not a
    /// <c>required</c> member (<see cref="IsRequiredMember"/>), which the nullable analysis would otherwise flag.
    /// </summary>
    public bool StartsAsDefault => ConstValue is null && IsRequired && !IsRequiredMember && !Type.IsValueType && !Type.IsNullable;

    /// <summary>The converter's field holding the pre-encoded wire name.</summary>
    public string EncodedNameField => "Name" + Name;

    /// <summary>
    /// The local that holds the property's value while the object is read, and while an optional one is written. Names
    /// that differ only in case (<c>Url</c>, <c>URL</c>) keep their locals apart, as the locals of one method share a
    /// scope; lowering only the first letter keeps them unique because a property name never starts with a lower-case
    /// letter, and the suffix keeps them off C# keywords (<c>classValue</c>) and off the reader's own locals.
    /// </summary>
    public string ValueLocal => char.ToLowerInvariant(Name[0]) + Name.Substring(1) + "Value";

    /// <summary>
    /// The local that notes whether a required property was present while the object is read (<c>radiusPresent</c>).
    /// Unique as <see cref="ValueLocal"/> is, and never equal to one: this suffix is not <c>Value</c>.
    /// </summary>
    public string PresentLocal => char.ToLowerInvariant(Name[0]) + Name.Substring(1) + "Present";
}

/// <summary>How a converter reads one property.</summary>
/// <param name="Property">The property.</param>
/// <param name="ErrorOwner">What the errors of reading it call it: the reading type's name and the wire name (<c>Circle.radius</c>).</param>
public sealed record PropertyRead(PropertyModel Property, string ErrorOwner)
{
    /// <summary>The reads of <paramref name="properties"/> by a converter whose errors call its type <paramref name="typeOwner"/>.</summary>
    /// <param name="typeOwner">The reading type's <see cref="TypeModel.ErrorOwner"/>.</param>
    /// <param name="properties">The properties it reads, in order.</param>
    /// <returns>One read per property, in the same order.</returns>
    public static IReadOnlyList<PropertyRead> Of(string typeOwner, IEnumerable<PropertyModel> properties)
        => properties.Select(p => new PropertyRead(p, typeOwner + "." + p.WireName)).ToList();
}
