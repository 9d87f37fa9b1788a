namespace NumaActors.Kernel.Scenarios;

/// <summary>One problem in a scenario, printed as CONTRACT.md §4 asks: <c>FILE:LINE:COLUMN: error: MESSAGE</c>.</summary>
public sealed record ScenarioDiagnostic(string File, int Line, int Column, DiagnosticSeverity Severity, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() =>
        $"{File}:{Line}:{Column}: {(IsError ? "error" : "warning")}: {Message}";
}
