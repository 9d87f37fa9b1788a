using System.Text.Json;

namespace NumaActors.Host.Bench;

/// <summary>Writes <c>bench.json</c>: CONTRACT.md §1's fields first, then extras a reader may want.</summary>
public static class BenchJson
{
    public const string FileName = "bench.json";

    public static void Write(BenchResult result, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartArray("runs");
        foreach (var r in result.Runs)
        {
            w.WriteStartObject();
            w.WriteNumber("servers", r.Servers);
            w.WriteNumber("seconds", r.Seconds);
            w.WriteString("engine", r.Engine);
            w.WriteNumber("wall_seconds", Math.Round(r.WallSeconds, 3));
            w.WriteNumber("server_seconds_per_wall_second", Math.Round(r.ServerSecondsPerWallSecond, 1));
            w.WriteNumber("peak_working_set_bytes", r.PeakWorkingSetBytes);
            w.WriteNumber("bytes_per_task", Math.Round(r.BytesPerTask, 1));
            w.WriteNumber("tasks", r.Tasks);
            w.WriteNumber("hint_faults", r.HintFaults);
            w.WriteNumber("hint_faults_per_wall_second", Math.Round(r.HintFaultsPerWallSecond, 1));
            w.WriteNumber("pages_migrated", r.PagesMigrated);
            w.WriteNumber("pages_migrated_per_wall_second", Math.Round(r.PagesMigratedPerWallSecond, 1));
            w.WriteNumber("working_set_before_bytes", r.WorkingSetBeforeBytes);
            // Not counted unless asked (--allocations): null, never a zero that looks measured.
            if (r.AllocatedBytes is { } allocated) w.WriteNumber("allocated_bytes", allocated);
            else w.WriteNull("allocated_bytes");
            if (r.AllocatedBytesPerServerSecond is { } perServerSecond) w.WriteNumber("allocated_bytes_per_server_second", Math.Round(perServerSecond, 1));
            else w.WriteNull("allocated_bytes_per_server_second");
            w.WriteNumber("gen0_collections", r.Gen0Collections);
            w.WriteNumber("gen2_collections", r.Gen2Collections);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("ratios");
        foreach (var r in result.Ratios)
        {
            w.WriteStartObject();
            w.WriteNumber("servers", r.Servers);
            w.WriteNumber("actors_over_sequential", Math.Round(r.ActorsOverSequential, 3));
            w.WriteBoolean("identical", r.Identical);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        // One engine alone compares nothing: "identical" is null then, never a claim.
        if (result.Compared) w.WriteBoolean("identical", result.Identical);
        else w.WriteNull("identical");
        w.WriteNumber("fault_grain_bytes", result.FaultGrainBytes);
        if (result.ServersInFlight is { } inFlight) w.WriteNumber("servers_in_flight", inFlight);
        else w.WriteNull("servers_in_flight");
        w.WriteStartObject("machine");
        w.WriteString("started_utc", result.StartedUtc.ToString("O"));
        w.WriteNumber("processor_count", result.ProcessorCount);
        w.WriteString("runtime", result.Runtime);
        w.WriteString("os", result.Os);
        w.WriteNumber("process_peak_working_set_bytes", result.ProcessPeakWorkingSetBytes);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
