using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

/// <summary>Collects every problem of one scenario file; positions come from the YAML node marks (1-based).</summary>
internal sealed class DiagnosticBag(string file)
{
    private readonly List<ScenarioDiagnostic> _items = [];

    public string File { get; } = file;

    public bool HasErrors => _items.Any(d => d.IsError);

    public void Error(YamlNode node, string message) => Add(node.Start, DiagnosticSeverity.Error, message);

    public void Warning(YamlNode node, string message) => Add(node.Start, DiagnosticSeverity.Warning, message);

    public void Add(Mark mark, DiagnosticSeverity severity, string message) =>
        _items.Add(new ScenarioDiagnostic(File, (int)mark.Line, (int)mark.Column, severity, message));

    public void Add(ScenarioDiagnostic diagnostic) => _items.Add(diagnostic);

    /// <summary>In file order (line, then column), keeping the order found for equal positions.</summary>
    public IReadOnlyList<ScenarioDiagnostic> Sorted() =>
        _items.Select((d, i) => (d, i))
            .OrderBy(p => p.d.File == File ? 0 : 1).ThenBy(p => p.d.File, StringComparer.Ordinal)
            .ThenBy(p => p.d.Line).ThenBy(p => p.d.Column).ThenBy(p => p.i)
            .Select(p => p.d).ToList();
}
