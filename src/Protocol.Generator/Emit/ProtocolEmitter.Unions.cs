using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Generator.Emit;

/// <summary>Union declarations: the abstract base, the unknown variant and the visitor.</summary>
internal static partial class ProtocolEmitter
{
    private static void EmitUnion(SourceWriter w, UnionTypeModel union, GeneratedTypeFile file)
    {
        var typeEnum = union.TypeEnum.TypeName;
        var visitor = Global(file, union.VisitorName);

        w.Summary(union.Summary);
        w.Line("/// <remarks>");
        w.Line("/// Match on the subclasses (<c>switch</c>), or implement <see cref=\"" + visitor + "{TResult}\"/> so the compiler");
        w.Line("/// names every place to update when the schema gains a kind. Kinds this version does not know arrive as");
        w.Line("/// <see cref=\"" + Global(file, union.UnknownVariantName) + "\"/>.");
        w.Line("/// </remarks>");
        ConverterAttribute(w, file, union.ConverterName);
        w.Line(GeneratedCode);
        if (union.IsInterface)
        {
            EmitUnionInterface(w, union, file, typeEnum, visitor);
        }
        else
        {
            w.Open(file.Accessibility + " abstract partial record " + union.Name);
            w.Line("/// <summary>Only the generated kinds derive from this record.</summary>");
            w.Line("private protected " + union.Name + "()");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line(union.IsRecognisedByRules
                ? "/// <summary>Which kind this is (each kind says how it is recognised on the wire).</summary>"
                : "/// <summary>Which kind this is: the <c>" + SourceWriter.Escape(union.DiscriminatorWireName!) + "</c> property on the wire.</summary>");
            w.Line("public abstract " + typeEnum + " " + union.DiscriminatorPropertyName + " { get; }");
            EmitProperties(w, union.BaseProperties);
            w.Line();
            w.Line("/// <summary>Calls the <paramref name=\"visitor\"/>'s <c>Visit</c> overload for this kind.</summary>");
            w.Line("/// <typeparam name=\"TResult\">What the visitor returns.</typeparam>");
            w.Line("/// <param name=\"visitor\">The visitor.</param>");
            w.Line("/// <returns>What the visitor returned.</returns>");
            w.Line("public abstract TResult Accept<TResult>(" + visitor + "<TResult> visitor);");
            w.Close();
        }

        w.Line();
        w.Line("/// <summary>");
        if (union.IsRecognisedByRules)
        {
            w.Line("/// A <see cref=\"" + Global(file, union.Name) + "\"/> that no kind's rule recognises. It keeps the whole JSON object,");
            w.Line("/// and writes it back unchanged.");
        }
        else
        {
            w.Line("/// A <see cref=\"" + Global(file, union.Name) + "\"/> whose <c>" + SourceWriter.Escape(union.DiscriminatorWireName!) + "</c> this version does not know. It keeps");
            w.Line("/// that value and the whole JSON object, and writes the object back unchanged.");
        }

        w.Line("/// </summary>");
        ConverterAttribute(w, file, union.UnknownConverterName);
        w.Line(GeneratedCode);
        w.Open(file.Accessibility + " sealed partial record " + union.UnknownVariantName + " : " + Global(file, union.Name));
        w.Line("/// <inheritdoc/>");
        w.Line(union.IsInterface
            ? typeEnum + " " + Global(file, union.Name) + "." + union.DiscriminatorPropertyName + " => " + typeEnum + "." + union.TypeEnumUnknownMember + ";"
            : "public override " + typeEnum + " " + union.DiscriminatorPropertyName + " => " + typeEnum + "." + union.TypeEnumUnknownMember + ";");
        if (union.UnknownDiscriminatorPropertyName is not null)
        {
            w.Line();
            w.Line("/// <summary>The <c>" + SourceWriter.Escape(union.DiscriminatorWireName!) + "</c> value as received" + (union.IsRecognisedByRules ? " (empty when absent)" : string.Empty) + ".</summary>");
            w.Line("public required string " + union.UnknownDiscriminatorPropertyName + " { get; init; }");
        }

        w.Line();
        w.Line("/// <summary>The whole JSON object as received.</summary>");
        w.Line("public required global::System.Text.Json.JsonElement " + union.UnknownRawPropertyName + " { get; init; }");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line(union.IsInterface
            ? "TResult " + Global(file, union.Name) + ".Accept<TResult>(" + visitor + "<TResult> visitor) => visitor.Visit(this);"
            : "public override TResult Accept<TResult>(" + visitor + "<TResult> visitor) => visitor.Visit(this);");
        w.Close();

        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Visits each kind of <see cref=\"" + Global(file, union.Name) + "\"/>. A kind added to the schema adds a method here, so");
        w.Line("/// the compiler lists every visitor to update.");
        w.Line("/// </summary>");
        w.Line("/// <typeparam name=\"TResult\">What a visit returns.</typeparam>");
        w.Line(GeneratedCode);
        w.Open(file.Accessibility + " interface " + union.VisitorName + "<out TResult>");
        foreach (var variant in union.Variants)
        {
            VisitMethod(w, variant.Type.TypeName);
            w.Line();
        }

        VisitMethod(w, Global(file, union.UnknownVariantName));
        w.Close();
    }

    private static void EmitUnionInterface(SourceWriter w, UnionTypeModel union, GeneratedTypeFile file, string typeEnum, string visitor)
    {
        w.Open(file.Accessibility + " partial interface " + union.Name);
        w.Line(union.IsRecognisedByRules
            ? "/// <summary>Which kind this is (each kind says how it is recognised on the wire).</summary>"
            : "/// <summary>Which kind this is: the <c>" + SourceWriter.Escape(union.DiscriminatorWireName!) + "</c> property on the wire.</summary>");
        w.Line(typeEnum + " " + union.DiscriminatorPropertyName + " { get; }");
        w.Line();
        w.Line("/// <summary>Calls the <paramref name=\"visitor\"/>'s <c>Visit</c> overload for this kind.</summary>");
        w.Line("/// <typeparam name=\"TResult\">What the visitor returns.</typeparam>");
        w.Line("/// <param name=\"visitor\">The visitor.</param>");
        w.Line("/// <returns>What the visitor returned.</returns>");
        w.Line("TResult Accept<TResult>(" + visitor + "<TResult> visitor);");
        w.Close();
    }

    private static void VisitMethod(SourceWriter w, string type)
    {
        w.Line("/// <summary>Visits a <see cref=\"" + type + "\"/>.</summary>");
        w.Line("/// <param name=\"value\">The value.</param>");
        w.Line("/// <returns>The result of the visit.</returns>");
        w.Line("TResult Visit(" + type + " value);");
    }
}
