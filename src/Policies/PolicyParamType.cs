namespace NumaActors.Policies;

/// <summary>How a policy parameter's YAML scalar is read, and the unit its range is given in.</summary>
public enum PolicyParamType
{
    /// <summary><c>true</c> or <c>false</c> (YAML 1.2 core schema spellings).</summary>
    Bool,

    /// <summary>A duration (<c>500ms</c>, <c>2s</c>) in whole milliseconds, as the kernel's knobs take it; range in ms.</summary>
    Duration,

    /// <summary>A size (<c>512MiB</c>) in whole MiB, as <c>scan_size_mb</c> takes it; range in MiB.</summary>
    Size,

    /// <summary>A page rate: <c>COUNT/s</c> in 4 KiB pages, or <c>SIZE/s</c> (<c>64MiB/s</c>); range in pages per second.</summary>
    PageRate,

    /// <summary>Any text, passed through unchecked (checked later by whoever consumes it).</summary>
    Text,
}
