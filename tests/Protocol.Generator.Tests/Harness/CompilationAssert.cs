using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace Sessions.Protocol.Generator.Tests.Harness;

/// <summary>Asserts on compiling generated code.</summary>
public static class CompilationAssert
{
    /// <summary>
    /// Emits <paramref name="run"/>'s output compilation (the consumer compilation plus every generated tree) and fails,
    /// listing them all, when it has any diagnostic of Warning or Error severity.
    /// </summary>
    public static void NoWarningsOrErrors(GeneratorRun run) => Check(run, DiagnosticSeverity.Warning);

    /// <summary>Like <see cref="NoWarningsOrErrors"/>, but only errors fail.</summary>
    public static void NoErrors(GeneratorRun run) => Check(run, DiagnosticSeverity.Error);

    private static void Check(GeneratorRun run, DiagnosticSeverity minimum)
    {
        ArgumentNullException.ThrowIfNull(run);
        Compilation compilation = run.InputCompilation.AddSyntaxTrees(run.Sources.Select(s => s.SyntaxTree));
        using var peStream = new MemoryStream();
        EmitResult result = compilation.Emit(peStream);
        Diagnostic[] problems = result.Diagnostics
            .Where(d => d.Severity >= minimum && !d.IsSuppressed)
            .OrderBy(d => d, DiagnosticOrder.Instance)
            .ToArray();

        if (problems.Length == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.Append("Compiling the generated code (").Append(run.Sources.Length).Append(" file(s): ")
            .AppendJoin(", ", run.Sources.Select(s => s.HintName)).Append(") gave ").Append(problems.Length)
            .Append(" diagnostic(s) of severity ").Append(minimum).Append(" or higher:\n");
        foreach (Diagnostic diagnostic in problems)
        {
            message.Append("  ").Append(DiagnosticFormatter.Format(diagnostic)).Append('\n');
            if (diagnostic.Location.IsInSource)
            {
                string line = diagnostic.Location.SourceTree!.GetText()
                    .Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString();
                message.Append("      | ").Append(line.Trim()).Append('\n');
            }
        }

        throw new Xunit.Sdk.XunitException(message.ToString());
    }
}
