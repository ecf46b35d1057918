using System.Globalization;
using System.Linq;
using Sessions.Protocol.Schema.Json;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Schema.Building;

/// <summary>
/// A literal <c>default</c> becomes the initial value of an optional property: a record built in code starts with it,
/// while the converter assigns what was read (null when absent), so an object without the property is written back
/// without it. Defaults that are not literals of the property's C# type (objects, arrays, a string for a number) are
/// left out: they are documentation only.
/// </summary>
internal sealed partial class ProtocolModelBuilder
{
    /// <summary>The default as <see cref="PropertyModel.DefaultValue"/> spells it for <paramref name="type"/>, or null.</summary>
    private string? DefaultValueOf(SchemaNode schema, TypeRef type, bool isRequired)
    {
        if (isRequired || !schema.Value.IsObject || schema.Value["default"] is not { } value)
        {
            return null;
        }

        switch (type.Kind)
        {
            case TypeKind.String or TypeKind.ExtensibleEnum when value.Kind == SourceJsonKind.String:
                return value.Text;
            case TypeKind.Int32 when value.Kind == SourceJsonKind.Number && int.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
            case TypeKind.Int64 when value.Kind == SourceJsonKind.Number && long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                return value.Text;
            case TypeKind.Double when value.Kind == SourceJsonKind.Number && double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsInfinity(number):
                return value.Text;
            case TypeKind.Boolean when value.Kind is SourceJsonKind.True or SourceJsonKind.False:
                return value.Kind == SourceJsonKind.True ? "true" : "false";
            case TypeKind.Enum when value.Kind == SourceJsonKind.String:
                return _files
                    .SelectMany(f => _typesByFile[f.Source.Path].OfType<EnumTypeModel>().Where(e => "global::" + f.Source.Namespace + "." + e.Name == type.TypeName))
                    .FirstOrDefault()?
                    .Members.FirstOrDefault(m => m.WireValue == value.Text)?.Name;
            default:
                return null;
        }
    }
}
