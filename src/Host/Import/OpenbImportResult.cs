namespace NumaActors.Host.Import;

/// <summary>The scenario text, or the errors that stopped the import (then <see cref="Yaml"/> is null).</summary>
public sealed record OpenbImportResult(string? Yaml, IReadOnlyList<ImportError> Errors, OpenbImportSummary? Summary);
