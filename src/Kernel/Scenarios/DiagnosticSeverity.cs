namespace NumaActors.Kernel.Scenarios;

public enum DiagnosticSeverity
{
    Error,
    Warning,
}
