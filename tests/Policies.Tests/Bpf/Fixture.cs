namespace NumaActors.Policies.Tests.Bpf;

/// <summary>Paths of the committed BPF fixtures (copied to the test output by the csproj).</summary>
internal static class Fixture
{
    public static string Dir => Path.Combine(AppContext.BaseDirectory, "Fixtures", "bpf");

    public static string PathOf(string name) => Path.Combine(Dir, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => File.ReadAllText(PathOf(name));
}
