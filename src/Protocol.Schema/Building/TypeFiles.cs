using System;
using System.Collections.Generic;
using System.Linq;
using Sessions.Protocol.Schema.Collections;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Schema.Building;

/// <summary>
/// The last step of building: the decisions that need every file at once (which variants read on after their union's
/// tag, the hint name of each type's source), and the split of the files into one <see cref="GeneratedTypeFile"/> per type.
/// </summary>
internal static class TypeFiles
{
    /// <summary>
    /// Marks each variant of a union told apart by its tag whose converter writes that tag itself: the union's reader
    /// hands the reader on after the tag's value to that converter's <c>ReadMembers</c> when the tag comes first.
    /// </summary>
    private static EquatableArray<GeneratedFileModel> MarkVariantsReadAfterTag(EquatableArray<GeneratedFileModel> files)
    {
        var records = new Dictionary<string, ObjectTypeModel>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var record in file.Types.OfType<ObjectTypeModel>())
            {
                records["global::" + file.Namespace + "." + record.Name] = record;
            }
        }

        return files.Select(file => file with
        {
            Types = file.Types.Select(type => type is UnionTypeModel { IsRecognisedByRules: false, DiscriminatorWireName: { } tag } union
                ? union with
                {
                    Variants = union.Variants.Select(variant => variant with
                    {
                        ReadsMembersAfterTag = records.TryGetValue(variant.Type.TypeName, out var record) && record.WrittenTags.Any(t => t.WireName == tag),
                    }).ToEquatableArray(),
                }
                : type).ToEquatableArray(),
        }).ToEquatableArray();
    }

    /// <summary>One entry per type, in hint-name order, with the decisions that need every file made.</summary>
    /// <remarks>
    /// A hint name is the namespace and the type's name, so it does not move when other types come or go. Roslyn
    /// compares hint names ignoring case, while C# names are case-sensitive: types whose names differ only in case
    /// each get their name's case pattern appended (<c>u</c> per upper-case letter, <c>l</c> per other character),
    /// which tells them apart without a number that would depend on what else is generated.
    /// </remarks>
    public static EquatableArray<GeneratedTypeFile> Split(EquatableArray<GeneratedFileModel> files)
    {
        files = MarkVariantsReadAfterTag(files);
        var all = files.SelectMany(file => file.Types.Select(type => (File: file, Type: type, Name: file.Namespace + "." + type.Name))).ToList();
        var suffixes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var clash in all.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            // The type names' case tells them apart, unless the namespaces differ in case too.
            var sameNamespace = clash.Select(t => t.File.Namespace).Distinct(StringComparer.Ordinal).Count() == 1;
            foreach (var t in clash)
            {
                suffixes[t.Name] = "." + CasePattern(sameNamespace ? t.Type.Name : t.Name);
            }
        }

        return all
            .Select(t => new GeneratedTypeFile(
                t.Name + (suffixes.TryGetValue(t.Name, out var suffix) ? suffix : string.Empty) + ".g.cs",
                t.File.SchemaFileName,
                t.File.Namespace,
                t.File.Accessibility,
                t.Type))
            .OrderBy(t => t.HintName, StringComparer.Ordinal)
            .ToEquatableArray();
    }

    private static string CasePattern(string name) => new(name.Select(c => char.IsUpper(c) ? 'u' : 'l').ToArray());
}
