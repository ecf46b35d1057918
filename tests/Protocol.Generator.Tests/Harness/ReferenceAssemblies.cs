using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sessions.Protocol.Generator.Tests.Harness;

/// <summary>
/// Metadata references for compiling generated code: the running runtime's trusted platform assemblies, filtered to
/// the framework (<c>System*</c>, <c>netstandard</c>, <c>mscorlib</c>, <c>Microsoft.Extensions.*</c> if present).
/// These are implementation assemblies of net10.0, which is a superset of what a net8.0 consumer compiles against.
/// </summary>
public static class ReferenceAssemblies
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyNet = new(Load);

    /// <summary>The references.</summary>
    public static ImmutableArray<MetadataReference> Net => LazyNet.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        string paths = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("TRUSTED_PLATFORM_ASSEMBLIES is not available in this runtime.");

        return paths.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(path => IsFrameworkName(Path.GetFileNameWithoutExtension(path)))
            .OrderBy(path => Path.GetFileName(path), StringComparer.OrdinalIgnoreCase)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static bool IsFrameworkName(string name) =>
        name == "System"
        || name.StartsWith("System.", StringComparison.Ordinal)
        || name == "netstandard"
        || name == "mscorlib"
        || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal);
}
