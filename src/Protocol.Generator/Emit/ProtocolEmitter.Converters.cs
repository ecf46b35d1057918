using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Generator.Emit;

/// <summary>
/// Converters: a <c>JsonConverter&lt;T&gt;</c> per type whose static <c>ReadValue</c> and
/// <c>WriteValue</c> work on <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c> directly, with no reflection.
/// </summary>
internal static partial class ProtocolEmitter
{
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    private const string TokenType = "global::System.Text.Json.JsonTokenType";
    private const string Encoded = "global::System.Text.Json.JsonEncodedText";

    private static void OpenConverter(SourceWriter w, GeneratedTypeFile file, string converterName, string type)
    {
        w.Line("/// <summary>Reads and writes <see cref=\"" + type + "\"/> without reflection.</summary>");
        w.Line(GeneratedCode);
        w.Open(file.ConverterKeyword + " sealed class " + converterName + " : " + Json + ".Serialization.JsonConverter<" + type + ">");
    }

    private static void Overrides(SourceWriter w, string type)
    {
        w.Line("/// <inheritdoc/>");
        w.Line("public override " + type + " Read(ref " + Reader + " reader, global::System.Type typeToConvert, " + Json + ".JsonSerializerOptions options) => ReadValue(ref reader);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override void Write(" + Writer + " writer, " + type + " value, " + Json + ".JsonSerializerOptions options) => WriteValue(writer, value);");
    }

    private static string NameField(PropertyModel property) => property.EncodedNameField;

    private static void NameFields(SourceWriter w, IEnumerable<PropertyModel> properties)
    {
        foreach (var property in properties)
        {
            w.Line("private static readonly " + Encoded + " " + NameField(property) + " = " + Encoded + ".Encode(" + SourceWriter.Literal(property.WireName) + ");");
        }
    }

    private static void EmitRecordConverter(SourceWriter w, ObjectTypeModel record, GeneratedTypeFile file)
    {
        var type = Global(file, record.Name);
        var properties = record.AllProperties.ToList();
        OpenConverter(w, file, record.ConverterName, type);
        NameFields(w, properties);
        var tags = record.WrittenTags;
        for (var i = 0; i < tags.Count; i++)
        {
            w.Line("private static readonly " + Encoded + " " + tags[i].NameField + " = " + Encoded + ".Encode(" + SourceWriter.Literal(tags[i].WireName) + ");");
            w.Line("private static readonly " + Encoded + " " + tags[i].ValueField + " = " + Encoded + ".Encode(" + SourceWriter.Literal(tags[i].Value) + ");");
        }

        w.Line();
        Overrides(w, type);
        w.Line();
        w.Line("/// <summary>Reads one value; the reader is on its first token and is left on its last.</summary>");
        w.Line("/// <param name=\"reader\">The reader.</param>");
        w.Line("/// <returns>The value read.</returns>");
        w.Open("public static " + type + " ReadValue(ref " + Reader + " reader)");
        if (tags.Count > 0)
        {
            w.Line(ValueCode.Helpers + ".ExpectStartObject(ref reader, " + SourceWriter.Literal(record.ErrorOwner) + ");");
            w.Line("return ReadMembers(ref reader);");
            w.Close();
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Reads the members after the reader's current token (the object's start, or the value of a tag its union has");
            w.Line("/// read already, so the union does not read the tag twice); the reader is left on the object's last token.");
            w.Line("/// </summary>");
            w.Open("internal static " + type + " ReadMembers(ref " + Reader + " reader)");
        }

        ReadObjectBody(w, record.ErrorOwner, type, record.PropertyReads, unknown: null, record.ExtensionDataName, tags.Select(t => t.WireName).ToList(), expectStart: tags.Count == 0);
        w.Close();
        w.Line();
        w.Line("/// <summary>Writes one value.</summary>");
        w.Line("/// <param name=\"writer\">The writer.</param>");
        w.Line("/// <param name=\"value\">The value.</param>");
        w.Open("public static void WriteValue(" + Writer + " writer, " + type + " value)");
        w.Line("writer.WriteStartObject();");
        w.Line("WriteMembers(writer, value);");
        w.Line("writer.WriteEndObject();");
        w.Close();
        w.Line();
        w.Line("/// <summary>Writes the members, without the braces (a parent writes its name and the brace in one call).</summary>");
        w.Open("internal static void WriteMembers(" + Writer + " writer, " + type + " value)");
        for (var i = 0; i < tags.Count; i++)
        {
            w.Line("writer.WriteString(" + tags[i].NameField + ", " + tags[i].ValueField + ");");
        }

        foreach (var property in properties)
        {
            WriteProperty(w, property);
        }

        if (record.ExtensionDataName is { } extension)
        {
            w.Open("if (value." + extension + " is { } extension)");
            w.Open("foreach (var member in extension)");
            w.Line("writer.WritePropertyName(member.Key);");
            w.Line(ValueCode.Helpers + ".WriteElement(writer, member.Value);");
            w.Close();
            w.Close();
        }

        w.Close();
        w.Close();
    }

    /// <summary>The body of a <c>ReadValue</c>: one pass over the properties, a check of the required ones, the initializer.</summary>
    private static void ReadObjectBody(SourceWriter w, string errorOwner, string type, IReadOnlyList<PropertyRead> reads, UnionTypeModel? unknown, string? extension = null, List<string>? tags = null, bool expectStart = true)
    {
        var properties = reads.Select(r => r.Property).ToList();
        if (expectStart)
        {
            w.Line(ValueCode.Helpers + ".ExpectStartObject(ref reader, " + SourceWriter.Literal(errorOwner) + ");");
        }

        if (unknown is not null)
        {
            // The copy parses the whole object for RawJson; the original walks it for the shared properties.
            w.Line("var copy = reader;");
            w.Line("var raw = global::System.Text.Json.JsonElement.ParseValue(ref copy);");
            if (unknown.UnknownDiscriminatorPropertyName is not null)
            {
                w.Line("string? discriminator = null;");
            }
        }

        if (extension is not null)
        {
            w.Line("global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? extension = null;");
        }

        foreach (var property in properties)
        {
            var declared = property.Type.IsValueType && !property.Type.IsNullable ? property.Type.TypeName : property.Type.TypeName + "?";
            w.Line(declared + " " + property.ValueLocal + " = default;");
            if (property.IsRequired)
            {
                w.Line("var " + property.PresentLocal + " = false;");
            }
        }

        // Each member the object knows, in the order an if-chain would test them (the first of equal names wins); the
        // loop finds a name's member with one switch on its length and one comparison of its bytes (MemberOf below)
        // instead of comparing it with every name before its own.
        var members = new List<(string WireName, List<string> Body)>();
        void Member(string wireName, params string[] body)
        {
            if (!members.Any(m => m.WireName == wireName))
            {
                members.Add((wireName, body.ToList()));
            }
        }

        if (unknown is { UnknownDiscriminatorPropertyName: not null })
        {
            Member(unknown.DiscriminatorWireName!, "reader.Read();", "discriminator = reader.TokenType == " + TokenType + ".String ? reader.GetString() : null;");
        }

        foreach (var (property, owner) in reads)
        {
            var read = property.ValueLocal + " = " + ValueCode.Read(property.Type, "reader", SourceWriter.Literal(owner)) + ";";
            if (property.IsRequired)
            {
                Member(property.WireName, "reader.Read();", read, property.PresentLocal + " = true;");
            }
            else
            {
                Member(property.WireName, "reader.Read();", read);
            }
        }

        var otherwise = new List<string> { "reader.Read();", "reader.Skip();" };
        if (extension is not null)
        {
            // The tags the converter writes itself are not undeclared members. A union that finds its tag first hands the
            // reader on after it (ReadMembers), so only a tag found elsewhere gets here.
            foreach (var tag in tags ?? new List<string>())
            {
                Member(tag, "reader.Read();", "reader.Skip();");
            }

            otherwise = new List<string>
            {
                "var name = reader.GetString()!;",
                "reader.Read();",
                "(extension ??= new global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>())[name] = global::System.Text.Json.JsonElement.ParseValue(ref reader);",
            };
        }

        w.Open("while (reader.Read() && reader.TokenType == " + TokenType + ".PropertyName)");
        if (members.Count == 0)
        {
            foreach (var line in otherwise)
            {
                w.Line(line);
            }
        }
        else
        {
            // An escaped or split name is unescaped into a copy first (rare: writers do not escape plain names).
            w.Open("switch (reader.ValueIsEscaped || reader.HasValueSequence ? MemberOf(global::System.Text.Encoding.UTF8.GetBytes(reader.GetString()!)) : MemberOf(reader.ValueSpan))");
            for (var i = 0; i < members.Count; i++)
            {
                w.Open("case " + i.ToString(CultureInfo.InvariantCulture) + ":");
                foreach (var line in members[i].Body)
                {
                    w.Line(line);
                }

                w.Line("break;");
                w.Close();
            }

            w.Open("default:");
            foreach (var line in otherwise)
            {
                w.Line(line);
            }

            w.Line("break;");
            w.Close();
            w.Close();
        }

        w.Close();
        w.Line();
        foreach (var property in properties.Where(p => p.IsRequired))
        {
            w.Open("if (!" + property.PresentLocal + ")");
            w.Line("throw " + ValueCode.Helpers + ".MissingProperty(" + SourceWriter.Literal(errorOwner) + ", " + SourceWriter.Literal(property.WireName) + ");");
            w.Close();
            w.Line();
        }

        w.Open("return new " + type);
        if (unknown is not null)
        {
            if (unknown.UnknownDiscriminatorPropertyName is not null)
            {
                w.Line(unknown.UnknownDiscriminatorPropertyName + " = discriminator ?? string.Empty,");
            }

            w.Line(unknown.UnknownRawPropertyName + " = raw,");
        }

        foreach (var property in properties)
        {
            var local = property.ValueLocal;
            var value = property.ConstValue is { } constant && !property.Type.IsNullable ? local + " ?? " + SourceWriter.Literal(constant)
                : property.IsRequired && !property.Type.IsNullable && !property.Type.IsValueType ? local + "!"
                : local;
            w.Line(property.Name + " = " + value + ",");
        }

        if (extension is not null)
        {
            w.Line(extension + " = extension,");
        }

        w.Close(";");
        if (members.Count > 0)
        {
            w.Line();
            w.Line("// Which member a name is: the index of its case above, or -1.");
            w.Open("static int MemberOf(global::System.ReadOnlySpan<byte> name)");
            ByteSwitch(w, "name", members.Select((m, i) => (m.WireName, "return " + i.ToString(CultureInfo.InvariantCulture) + ";")).ToList());
            w.Line("return -1;");
            w.Close();
        }
    }

    /// <summary>
    /// Statements that run the statement of the UTF-8 value equal to <paramref name="span"/>: a switch on its length,
    /// then one byte comparison per value of that length (the literals are constants the JIT compares unrolled). Falls
    /// through when none is equal.
    /// </summary>
    private static void ByteSwitch(SourceWriter w, string span, List<(string Value, string Statement)> cases)
    {
        w.Open("switch (" + span + ".Length)");
        foreach (var group in cases.GroupBy(c => System.Text.Encoding.UTF8.GetByteCount(c.Value)).OrderBy(g => g.Key))
        {
            w.Open("case " + group.Key.ToString(CultureInfo.InvariantCulture) + ":");
            foreach (var (value, statement) in group)
            {
                w.Open("if (global::System.MemoryExtensions.SequenceEqual(" + span + ", " + SourceWriter.Literal(value) + "u8))");
                w.Line(statement);
                w.Close();
                w.Line();
            }

            w.Line("break;");
            w.Close();
        }

        w.Close();
        w.Line();
    }

    private static void Lines(SourceWriter w, string statements)
    {
        foreach (var line in statements.Split('\n'))
        {
            w.Line(line);
        }
    }

    /// <summary>
    /// Whether the type is a generated record: its converter, emitted in this compilation from this file or another,
    /// has the internal <c>WriteMembers</c>, so a parent writes the name and the brace in one call.
    /// </summary>
    private static bool IsRecord(TypeRef type) => type.Kind == TypeKind.Object;

    private static string WriteNamed(PropertyModel property, string value)
        => IsRecord(property.Type)
            ? "writer.WriteStartObject(" + NameField(property) + ");\n" + ConverterOf(property.Type) + ".WriteMembers(writer, " + value + ");\nwriter.WriteEndObject();"
            : ValueCode.WriteNamed(property.Type, "writer", NameField(property), value);

    private static void WriteProperty(SourceWriter w, PropertyModel property)
    {
        var access = "value." + property.Name;
        if (!property.Type.IsNullable)
        {
            Lines(w, WriteNamed(property, access));
        }
        else if (property.IsRequired)
        {
            // A block of its own, so the pattern variable of each such property has its own scope.
            w.Open("// " + property.WireName + ": required, may be null");
            w.Line("writer.WritePropertyName(" + NameField(property) + ");");
            w.Line(ValueCode.WriteMaybeNull(property.Type, "writer", access));
            w.Close();
        }
        else
        {
            // Optional and absent: the property is left out rather than written as null.
            w.Open("if (" + access + " is { } " + property.ValueLocal + ")");
            Lines(w, WriteNamed(property, property.ValueLocal));
            w.Close();
        }
    }

    private static void EmitUnionConverters(SourceWriter w, UnionTypeModel union, GeneratedTypeFile file)
    {
        var type = Global(file, union.Name);
        OpenConverter(w, file, union.ConverterName, type);
        Overrides(w, type);
        w.Line();
        if (union.IsRecognisedByRules)
        {
            ReadByRules(w, union, file, type);
        }
        else
        {
            ReadByTag(w, union, file, type);
        }

        w.Line();
        w.Line("/// <summary>Writes one value as its own kind.</summary>");
        w.Line("/// <param name=\"writer\">The writer.</param>");
        w.Line("/// <param name=\"value\">The value.</param>");
        w.Open("public static void WriteValue(" + Writer + " writer, " + type + " value)");
        w.Open("switch (value)");
        foreach (var variant in union.Variants)
        {
            // One name serves every case: a case label's pattern variable is scoped to its own switch section.
            w.Line("case " + variant.Type.TypeName + " variant: " + ConverterOf(variant.Type) + ".WriteValue(writer, variant); break;");
        }

        w.Line("case " + Global(file, union.UnknownVariantName) + " unknown: " + GlobalConverter(file, union.UnknownConverterName) + ".WriteValue(writer, unknown); break;");
        w.Line("default: throw new " + Json + ".JsonException(" + SourceWriter.Literal(union.ErrorOwner + " has no converter for ") + " + value.GetType().FullName + \".\");");
        w.Close();
        w.Close();
        w.Close();
        EmitUnknownConverter(w, union, file);
    }

    private static void ReadByTag(SourceWriter w, UnionTypeModel union, GeneratedTypeFile file, string type)
    {
        var typeEnum = union.TypeEnum;
        var tag = union.DiscriminatorWireName!;
        w.Line("/// <summary>");
        w.Line("/// Reads one value of the kind its <c>" + SourceWriter.Escape(tag) + "</c> names, wherever that property stands in the object.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"reader\">The reader, on the object's first token; left on its last.</param>");
        w.Line("/// <returns>The variant read, or an unknown variant for a kind this version does not know.</returns>");
        w.Open("public static " + type + " ReadValue(ref " + Reader + " reader)");
        w.Line(ValueCode.Helpers + ".ExpectStartObject(ref reader, " + SourceWriter.Literal(union.ErrorOwner) + ");");
        var direct = union.Variants.Where(v => v.ReadsMembersAfterTag).ToList();
        if (direct.Count > 0)
        {
            // The writers put the tag first: then the variant reads on from the tag's value, on this same reader, instead
            // of from the start (one copy of the reader, kept to go back to when the tag is elsewhere).
            w.Line("var start = reader;");
            w.Open("if (reader.Read() && reader.TokenType == " + TokenType + ".PropertyName && reader.ValueTextEquals(" + SourceWriter.Literal(tag) + "u8) && reader.Read() && reader.TokenType == " + TokenType + ".String)");
            w.Open("switch (" + ConverterOf(typeEnum) + ".ReadValue(ref reader))");
            foreach (var variant in direct)
            {
                w.Line("case " + typeEnum.TypeName + "." + variant.TypeEnumMember + ": return " + ConverterOf(variant.Type) + ".ReadMembers(ref reader);");
            }

            w.Close();
            w.Close();
            w.Line();
            w.Line("reader = start;");
        }

        w.Line("var probe = reader;");
        w.Open("if (!" + ValueCode.Helpers + ".FindProperty(ref probe, " + SourceWriter.Literal(tag) + "u8))");
        w.Line("throw " + ValueCode.Helpers + ".MissingProperty(" + SourceWriter.Literal(union.ErrorOwner) + ", " + SourceWriter.Literal(tag) + ");");
        w.Close();
        w.Line();
        w.Open("if (probe.TokenType != " + TokenType + ".String)");
        w.Line("throw " + ValueCode.Helpers + ".UnexpectedToken(ref probe, " + SourceWriter.Literal(union.TagErrorOwner!) + ", \"a string\");");
        w.Close();
        w.Line();
        w.Line("var kind = " + ConverterOf(typeEnum) + ".ReadValue(ref probe);");
        w.Open("return kind switch");
        foreach (var variant in union.Variants)
        {
            w.Line(typeEnum.TypeName + "." + variant.TypeEnumMember + " => " + ConverterOf(variant.Type) + ".ReadValue(ref reader),");
        }

        w.Line("_ => " + GlobalConverter(file, union.UnknownConverterName) + ".ReadValue(ref reader),");
        w.Close(";");
        w.Close();
    }

    private static void EmitUnknownConverter(SourceWriter w, UnionTypeModel union, GeneratedTypeFile file)
    {
        w.Line();
        var unknownType = Global(file, union.UnknownVariantName);
        OpenConverter(w, file, union.UnknownConverterName, unknownType);
        NameFields(w, union.BaseProperties);
        w.Line();
        Overrides(w, unknownType);
        w.Line();
        w.Line("/// <summary>Reads the shared properties and keeps the whole object as received.</summary>");
        w.Line("/// <param name=\"reader\">The reader, on the object's first token; left on its last.</param>");
        w.Line("/// <returns>The unknown variant.</returns>");
        w.Open("public static " + unknownType + " ReadValue(ref " + Reader + " reader)");
        ReadObjectBody(w, union.UnknownErrorOwner, unknownType, union.UnknownPropertyReads, union);
        w.Close();
        w.Line();
        w.Line("/// <summary>Writes the object back exactly as it was received.</summary>");
        w.Line("/// <param name=\"writer\">The writer.</param>");
        w.Line("/// <param name=\"value\">The value.</param>");
        w.Line("public static void WriteValue(" + Writer + " writer, " + unknownType + " value) => " + ValueCode.Helpers + ".WriteElement(writer, value." + union.UnknownRawPropertyName + ");");
        w.Close();
    }

    private static string ConverterOf(TypeRef type) => ValueCode.ConverterOf(type);

    /// <summary>A reader that notes the tag and which telling properties are present, then tries each variant's rule in order.</summary>
    private static void ReadByRules(SourceWriter w, UnionTypeModel union, GeneratedTypeFile file, string type)
    {
        var tag = union.DiscriminatorWireName;
        var members = union.ProbedMembers;
        w.Line("/// <summary>");
        w.Line("/// Reads one value of the kind its rule recognises (see each kind); an object no rule matches is the unknown kind.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"reader\">The reader, on the object's first token; left on its last.</param>");
        w.Line("/// <returns>The variant read, or an unknown variant.</returns>");
        w.Open("public static " + type + " ReadValue(ref " + Reader + " reader)");
        w.Line(ValueCode.Helpers + ".ExpectStartObject(ref reader, " + SourceWriter.Literal(union.ErrorOwner) + ");");
        w.Line("var probe = reader;");
        if (tag is not null)
        {
            w.Line("string? tag = null;");
        }

        if (union.ProbeNotesPresence)
        {
            w.Line("var seen = 0L;");
        }

        foreach (var member in members.Where(m => m.ValueLocal is not null))
        {
            w.Line("string? " + member.ValueLocal + " = null;");
        }

        w.Open("while (probe.Read() && probe.TokenType == " + TokenType + ".PropertyName)");
        var keyword = "if";
        if (tag is not null)
        {
            w.Open("if (probe.ValueTextEquals(" + SourceWriter.Literal(tag) + "u8))");
            w.Line("probe.Read();");
            w.Line("tag = probe.TokenType == " + TokenType + ".String ? probe.GetString() : null;");
            w.Line("probe.Skip();");
            w.Close();
            keyword = "else if";
        }

        foreach (var member in members)
        {
            w.Open(keyword + " (probe.ValueTextEquals(" + SourceWriter.Literal(member.WireName) + "u8))");
            if (member.PresenceBit is { } bit)
            {
                w.Line("seen |= 1L << " + Number(bit) + ";");
            }

            if (member.ValueLocal is { } local)
            {
                w.Line("probe.Read();");
                w.Line(local + " = probe.TokenType == " + TokenType + ".String ? probe.GetString() : null;");
                w.Line("probe.Skip();");
            }
            else
            {
                EmitProbeValue(w, member);
            }

            w.Close();
            keyword = "else if";
        }

        if (keyword == "if")
        {
            w.Line("probe.Read();");
            w.Line("probe.Skip();");
        }
        else
        {
            w.Open("else");
            w.Line("probe.Read();");
            w.Line("probe.Skip();");
            w.Close();
        }

        w.Close();
        w.Line();
        foreach (var check in union.RuleChecks)
        {
            var read = "return " + ConverterOf(check.Variant.Type) + ".ReadValue(ref reader);";
            if (check.AlwaysHolds)
            {
                w.Line(read);
                break;
            }

            w.Open("if (" + string.Join(" && ", check.Tests.Select(Condition)) + ")");
            w.Line(read);
            w.Close();
            w.Line();
        }

        if (union.RulesFallBackToUnknown)
        {
            w.Line("return " + GlobalConverter(file, union.UnknownConverterName) + ".ReadValue(ref reader);");
        }

        w.Close();
    }

    /// <summary>One test of a rule as a C# condition on the probe's locals.</summary>
    private static string Condition(RuleTest test)
    {
        switch (test)
        {
            case TagTest tagTest:
                var values = tagTest.Values.Select(SourceWriter.Literal).ToList();
                if (tagTest.OrAbsent)
                {
                    values.Add("null");
                }

                return "tag is " + string.Join(" or ", values);
            case ValueTest valueTest:
                return valueTest.Local + " is " + string.Join(" or ", valueTest.Values.Select(SourceWriter.Literal));
            default:
                var mask = ((PresenceTest)test).Mask.ToString(CultureInfo.InvariantCulture) + "L";
                return "(seen & " + mask + ") == " + mask;
        }
    }

    private static void EmitEnumConverter(SourceWriter w, EnumTypeModel enumeration, GeneratedTypeFile file)
    {
        var type = Global(file, enumeration.Name);
        OpenConverter(w, file, enumeration.ConverterName, type);
        foreach (var member in enumeration.Members)
        {
            w.Line("private static readonly " + Encoded + " " + member.EncodedField + " = " + Encoded + ".Encode(" + SourceWriter.Literal(member.WireValue) + ");");
        }

        w.Line();
        Overrides(w, type);
        w.Line();
        w.Line("/// <summary>Reads one value; a string this version does not know gives <see cref=\"" + type + "." + enumeration.UnknownMember + "\"/>.</summary>");
        w.Line("/// <param name=\"reader\">The reader, on a string token.</param>");
        w.Line("/// <returns>The member.</returns>");
        w.Open("public static " + type + " ReadValue(ref " + Reader + " reader)");
        w.Open("if (reader.TokenType != " + TokenType + ".String)");
        w.Line("throw " + ValueCode.Helpers + ".UnexpectedToken(ref reader, " + SourceWriter.Literal(enumeration.ErrorOwner) + ", \"a string\");");
        w.Close();
        w.Line();
        w.Line("return reader.ValueIsEscaped || reader.HasValueSequence ? FromWireName(reader.GetString()!) : FromUtf8(reader.ValueSpan);");
        w.Close();
        w.Line();
        w.Line("/// <summary>The member for a UTF-8 wire value (unescaped).</summary>");
        w.Line("/// <param name=\"utf8\">The value's bytes.</param>");
        w.Line("/// <returns>The member, or <see cref=\"" + type + "." + enumeration.UnknownMember + "\"/>.</returns>");
        w.Open("public static " + type + " FromUtf8(global::System.ReadOnlySpan<byte> utf8)");
        ByteSwitch(w, "utf8", enumeration.Members.Select(m => (m.WireValue, "return " + type + "." + m.Name + ";")).ToList());
        w.Line("return " + type + "." + enumeration.UnknownMember + ";");
        w.Close();
        w.Line();
        w.Line("/// <summary>The member for a wire value.</summary>");
        w.Line("/// <param name=\"value\">The wire value.</param>");
        w.Line("/// <returns>The member, or <see cref=\"" + type + "." + enumeration.UnknownMember + "\"/>.</returns>");
        w.Open("public static " + type + " FromWireName(string value) => value switch");
        foreach (var member in enumeration.Members)
        {
            w.Line(SourceWriter.Literal(member.WireValue) + " => " + type + "." + member.Name + ",");
        }

        w.Line("_ => " + type + "." + enumeration.UnknownMember + ",");
        w.Close(";");
        w.Line();
        w.Line("/// <summary>The wire value of a member.</summary>");
        w.Line("/// <param name=\"value\">The member.</param>");
        w.Line("/// <returns>The string on the wire.</returns>");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">For the unknown member, whose wire value was not kept.</exception>");
        w.Open("public static string ToWireName(" + type + " value) => value switch");
        foreach (var member in enumeration.Members)
        {
            w.Line(type + "." + member.Name + " => " + SourceWriter.Literal(member.WireValue) + ",");
        }

        w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, " + SourceWriter.Literal(enumeration.NoWireValueMessage) + "),");
        w.Close(";");
        w.Line();
        w.Line("/// <summary>Writes one value.</summary>");
        w.Line("/// <param name=\"writer\">The writer.</param>");
        w.Line("/// <param name=\"value\">The member.</param>");
        w.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">For the unknown member, whose wire value was not kept.</exception>");
        w.Open("public static void WriteValue(" + Writer + " writer, " + type + " value)");
        w.Open("switch (value)");
        foreach (var member in enumeration.Members)
        {
            w.Line("case " + type + "." + member.Name + ": writer.WriteStringValue(" + member.EncodedField + "); break;");
        }

        w.Line("default: throw " + ValueCode.Helpers + ".CannotWrite(" + SourceWriter.Literal(enumeration.ErrorOwner) + ", value.ToString());");
        w.Close();
        w.Close();
        w.Close();
    }
}
