using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Generator.Emit;

/// <summary>A property's initial value as C#: its const, else its literal default (see <see cref="PropertyModel.DefaultValue"/>).</summary>
internal static partial class ProtocolEmitter
{
    /// <summary>The initializer (<c> = ...;</c>) for the property's const or default, or null when it has neither.</summary>
    private static string? InitialValue(PropertyModel property)
    {
        if (property.ConstValue is { } constant)
        {
            return " = " + SourceWriter.Literal(constant) + ";";
        }

        if (property.DefaultValue is not { } value)
        {
            return null;
        }

        var expression = property.Type.Kind switch
        {
            TypeKind.String => SourceWriter.Literal(value),
            TypeKind.ExtensibleEnum => "new " + property.Type.TypeName + "(" + SourceWriter.Literal(value) + ")",
            TypeKind.Int64 => value + "L",
            TypeKind.Double => value + "d",
            TypeKind.Enum => property.Type.TypeName + "." + value,
            _ => value,
        };
        return " = " + expression + ";";
    }
}
