namespace NumaActors.Host.Import;

/// <summary>
/// Finds the OpenB trace: the copy committed in the repository (data/openb/), or the shared one
/// beside it (../shared/data/openb/), searching from a start folder upwards.
/// </summary>
public static class OpenbTraceFiles
{
    public const string NodesFileName = "openb_node_list_all_node.csv";
    public const string PodsFileName = "openb_pod_list_default.csv";

    /// <summary>The path of <paramref name="fileName"/> under the first data/openb/ or shared/data/openb/ found above one of the start folders.</summary>
    public static string? Find(string fileName, params string[] startFolders)
    {
        foreach (var start in startFolders)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "data", "openb", fileName), Path.Combine(dir.FullName, "shared", "data", "openb", fileName) })
                    if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    public static string? Find(string fileName) => Find(fileName, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
}
