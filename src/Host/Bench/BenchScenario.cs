using System.Globalization;
using System.Reflection;
using NumaActors.Host.Running;
using NumaActors.Kernel.Fleet;
using NumaActors.Kernel.Scenarios;

namespace NumaActors.Host.Bench;

/// <summary>The fleet the benchmark runs, built from the embedded template for a fleet size and a duration.</summary>
public static class BenchScenario
{
    public const string FileName = "bench.yaml";
    private const string Resource = "NumaActors.Host.Bench.bench.yaml";

    /// <summary>
    /// Fills the template in: half the servers (rounded up) balance globally, the rest through the
    /// hook; <paramref name="faultGrainBytes"/> is the scenario's <c>fault_grain</c> (4 KiB: every
    /// hinting fault simulated).
    /// </summary>
    public static string Text(int servers, int seconds, long faultGrainBytes = Scenario.DefaultFaultGrainBytes)
    {
        if (servers < 2) throw new ArgumentOutOfRangeException(nameof(servers), "the bench fleet needs at least 2 servers");
        if (seconds < 1) throw new ArgumentOutOfRangeException(nameof(seconds), "the bench needs at least 1 simulated second");
        return Template()
            .Replace("{{servers}}", servers.ToString(CultureInfo.InvariantCulture))
            .Replace("{{seconds}}", seconds.ToString(CultureInfo.InvariantCulture))
            .Replace("{{fault_grain}}", (faultGrainBytes / 1024).ToString(CultureInfo.InvariantCulture) + "KiB")
            .Replace("{{global_servers}}", ((servers + 1) / 2).ToString(CultureInfo.InvariantCulture))
            .Replace("{{hooked_servers}}", (servers / 2).ToString(CultureInfo.InvariantCulture));
    }

    public static Scenario Build(int servers, int seconds, long faultGrainBytes = Scenario.DefaultFaultGrainBytes)
    {
        var loaded = ScenarioLoader.LoadText(Text(servers, seconds, faultGrainBytes), FileName, Directory.GetCurrentDirectory(), Catalogs.Policies);
        return loaded.Scenario ?? throw new InvalidOperationException(
            "the embedded bench scenario does not load: " + string.Join("; ", loaded.Diagnostics));
    }

    /// <summary>Simulated tasks of the whole run: every task of every instance on every server, in every arm.</summary>
    public static long Tasks(Scenario scenario)
    {
        long perArm = 0;
        foreach (var server in FleetLayout.Plan(scenario))
            foreach (var instance in server.Instances) perArm += scenario.Workloads[instance.WorkloadIndex].Tasks;
        return perArm * scenario.Arms.Length;
    }

    private static string Template()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded resource {Resource} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
