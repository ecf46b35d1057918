namespace Sessions.Protocol.Schema.Diagnostics;

/// <summary>The fixed part of a diagnostic: its id, title, message format and help text.</summary>
/// <param name="Id">The stable identifier.</param>
/// <param name="Title">A short title.</param>
/// <param name="MessageFormat">The message, with <c>{0}</c>-style holes; it always ends with the suggested fix.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Help">A longer description: why it happens and what to do.</param>
public sealed record SchemaDiagnosticDescriptor(string Id, string Title, string MessageFormat, SchemaDiagnosticSeverity Severity, string Help);
