using System.Reflection;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Host.Running;

/// <summary>Loads the scenario a command names, or the embedded default, and reports every problem.</summary>
public static class ScenarioInput
{
    public const string DefaultScenarioName = "default.yaml";
    private const string DefaultResource = "NumaActors.Host.Scenarios.default.yaml";

    public static ScenarioLoadResult Load(string? path, IPolicyCatalog catalog)
    {
        if (path is not null) return ScenarioLoader.Load(path, catalog);
        return ScenarioLoader.LoadText(DefaultScenarioText(), DefaultScenarioName, Directory.GetCurrentDirectory(), catalog);
    }

    public static string DefaultScenarioText()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"embedded resource {DefaultResource} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
