namespace NumaActors.Topology.Tests;

/// <summary>Paths of the files under Fixtures/ (copied next to the test assembly).</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
