namespace NumaActors.Topology;

/// <summary>Built-in machines from published figures.</summary>
public static class Presets
{
    // Filled in by the topology work (issue 2); the signature is what scenario validation calls.
    public static IReadOnlyList<Machine> All { get; } = [];

    public static Machine? Find(string name) => All.FirstOrDefault(m => m.Name == name);
}
