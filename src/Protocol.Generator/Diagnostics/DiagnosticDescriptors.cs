using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Sessions.Protocol.Schema.Diagnostics;

namespace Sessions.Protocol.Generator.Diagnostics;

/// <summary>Roslyn descriptors for the schema reader's diagnostics, and the mapping of its locations.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "SessionsProtocol";

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = SchemaDiagnostics.All.ToDictionary(
        d => d.Id,
        d => new DiagnosticDescriptor(
            d.Id,
            d.Title,
            "{0}",
            Category,
            d.Severity == SchemaDiagnosticSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: d.Help));

    public static DiagnosticDescriptor For(SchemaDiagnosticDescriptor descriptor) => ById[descriptor.Id];

    /// <summary>A Roslyn diagnostic located in the schema file, so the IDE can open it at the line.</summary>
    public static Diagnostic ToDiagnostic(SchemaDiagnostic diagnostic)
    {
        var location = diagnostic.Location;
        var roslynLocation = Location.Create(
            location.FilePath,
            new TextSpan(location.Start, location.Length),
            new LinePositionSpan(new LinePosition(location.StartLine, location.StartColumn), new LinePosition(location.EndLine, location.EndColumn)));
        return Diagnostic.Create(ById[diagnostic.Id], roslynLocation, diagnostic.Message + " (at " + diagnostic.JsonPointer + ")");
    }
}
