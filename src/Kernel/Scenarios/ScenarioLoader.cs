using NumaActors.Topology;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NumaActors.Kernel.Scenarios;

/// <summary>
/// Reads a scenario file (CONTRACT.md §2) and checks every rule, reporting every problem with its
/// line and column. Never throws for bad input: unreadable files and YAML syntax errors are diagnostics too.
/// </summary>
public static class ScenarioLoader
{
    public static ScenarioLoadResult Load(string path, IPolicyCatalog catalog)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ScenarioLoadResult(null, [new ScenarioDiagnostic(path, 1, 1, DiagnosticSeverity.Error, $"cannot read the scenario: {e.Message}")]);
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        return LoadText(text, path, directory, catalog, Path.GetFullPath(path));
    }

    /// <param name="yaml">The scenario text.</param>
    /// <param name="fileName">The name diagnostics print (as the user wrote it).</param>
    /// <param name="baseDirectory">Where relative paths (topology files, BPF objects) are resolved.</param>
    /// <param name="catalog">The policy kinds and their parameter rules.</param>
    public static ScenarioLoadResult LoadText(string yaml, string fileName, string baseDirectory, IPolicyCatalog catalog) =>
        LoadText(yaml, fileName, baseDirectory, catalog, null);

    private static ScenarioLoadResult LoadText(string yaml, string fileName, string baseDirectory, IPolicyCatalog catalog, string? sourcePath) =>
        LoadText(yaml, fileName, baseDirectory, catalog, sourcePath, TopologyValidator.Validate);

    /// <summary>The seam tests use to see topology issues mapped to YAML positions.</summary>
    internal static ScenarioLoadResult LoadText(string yaml, string fileName, string baseDirectory, IPolicyCatalog catalog,
        string? sourcePath, Func<Machine, IReadOnlyList<TopologyIssue>> validateTopology)
    {
        var diagnostics = new DiagnosticBag(fileName);
        var root = Parse(yaml, diagnostics);
        if (root is null) return new ScenarioLoadResult(null, diagnostics.Sorted());
        var reader = new ScenarioReader(diagnostics, catalog, Path.GetFullPath(baseDirectory), validateTopology);
        var scenario = reader.Read(root, sourcePath);
        return new ScenarioLoadResult(diagnostics.HasErrors ? null : scenario, diagnostics.Sorted());
    }

    private static YamlNode? Parse(string yaml, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(yaml));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            diagnostics.Add(e.Start, DiagnosticSeverity.Error, YamlMessage(e));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18.1 throws this, with no position, for some unclosed flow collections ("[1" then
            // a new line); the scanner's position is where it gave up.
            diagnostics.Add(scanner.CurrentPosition, DiagnosticSeverity.Error,
                "YAML syntax: unexpected text here; is a '[', '{' or quote above left unclosed?");
            return null;
        }
        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(Mark.Empty, DiagnosticSeverity.Error, "the scenario is empty; it needs at least version, name, duration, fleet and workloads");
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            diagnostics.Add(stream.Documents[1].RootNode.Start, DiagnosticSeverity.Error, "a scenario file holds one YAML document; found a second one");
            return null;
        }
        return stream.Documents[0].RootNode;
    }

    /// <summary>YamlDotNet puts the position in front of the message; the diagnostic carries it already.</summary>
    private static string YamlMessage(YamlException e)
    {
        var message = e.InnerException is YamlException inner && !string.IsNullOrEmpty(inner.Message) ? inner : e;
        var text = message.Message;
        var cut = text.IndexOf("): ", StringComparison.Ordinal);
        if (text.StartsWith("(Line:", StringComparison.Ordinal) && cut >= 0) text = text[(cut + 3)..];
        return $"YAML syntax: {text}";
    }
}
