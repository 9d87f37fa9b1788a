using NumaActors.Topology.Parsing;

namespace NumaActors.Topology;

/// <summary>
/// Reads a machine from <c>numactl --hardware</c> output or a copy of the sysfs node directory
/// (<c>/sys/devices/system/node</c>). Bad input never throws: it comes back as line-numbered errors.
/// Node tiers follow <see cref="CpuLessTierRule"/>. The machine is named after the file (without
/// extension) or the directory.
/// </summary>
public static class TopologyFile
{
    public static TopologyLoadResult Load(string path)
    {
        try
        {
            if (Directory.Exists(path))
                return SysfsNodeDirectoryParser.Parse(path, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path))));
            if (File.Exists(path))
                return NumactlHardwareParser.Parse(path, File.ReadAllText(path), Path.GetFileNameWithoutExtension(path));
            return Failed(path, "no such file or directory; give numactl --hardware output or a copy of /sys/devices/system/node");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failed(path, $"cannot read: {e.Message}");
        }
    }

    private static TopologyLoadResult Failed(string path, string message) =>
        new(null, [new TopologyParseError(path, 1, 1, message)]);
}
