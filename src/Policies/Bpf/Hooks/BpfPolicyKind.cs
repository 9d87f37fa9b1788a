using System.Collections.Concurrent;
using System.Globalization;
using NumaActors.Kernel.Hooks;
using NumaActors.Kernel.Randomness;
using NumaActors.Kernel.Scenarios;
using NumaActors.Policies.Bpf.Loading;
using NumaActors.Policies.Bpf.Vm;

namespace NumaActors.Policies.Bpf.Hooks;

/// <summary>
/// The <c>bpf</c> policy kind: the scenario's object, its parameters set as <c>.rodata</c>
/// variables before load (as a libbpf skeleton does). An object is read, linked and checked once
/// per (file, parameters) and cached; every (server, cgroup) gets its own
/// <see cref="BpfHookProgram"/> with its own maps, globals and random stream.
/// </summary>
public static class BpfPolicyKind
{
    private static readonly ConcurrentDictionary<(string Path, DateTime Written, long Length, string Rodata), BpfPolicyLoadResult> Loaded = new();

    /// <summary>What <c>validate</c> reports: the loader's specific errors, or its warnings (an embedded cgroup id...).</summary>
    public static PolicyObjectCheck Check(string path, IReadOnlyDictionary<string, string> parameters)
    {
        if (!TryRodata(parameters, out var rodata, out var error))
            return new PolicyObjectCheck([error], []);
        var loaded = Load(path, rodata);
        return loaded.Succeeded
            ? new PolicyObjectCheck([], loaded.Policy!.Warnings)
            : new PolicyObjectCheck([.. loaded.Errors.Select(e => e.ToString())], []);
    }

    /// <summary>A fresh program for one cgroup on one server; the scenario was validated, so a refusal here is a caller bug.</summary>
    public static IHookProgram Create(PolicyParams parameters, HookProgramTarget target)
    {
        var path = target.ObjectPath ?? throw new ArgumentException($"policy '{target.PolicyName}' of kind bpf has no object file", nameof(target));
        if (!TryRodata(parameters.Raw, out var rodata, out var error))
            throw new ArgumentException(error, nameof(parameters));
        var loaded = Load(path, rodata);
        if (!loaded.Succeeded)
            throw new ArgumentException($"BPF object {path}: {string.Join("; ", loaded.Errors)}", nameof(target));
        var seed = new DeterministicRandom(target.Seed, (ulong)target.ServerId, target.CgroupId, RandomPurpose.HookProgram).NextULong();
        return new BpfHookProgram(loaded.Policy!, new BpfHostServices(seed), target.PolicyName);
    }

    private static BpfPolicyLoadResult Load(string path, IReadOnlyDictionary<string, ulong> rodata)
    {
        var file = new FileInfo(path);
        var key = (file.FullName, file.Exists ? file.LastWriteTimeUtc : default, file.Exists ? file.Length : -1,
            string.Join(";", rodata.Select(kv => $"{kv.Key}={kv.Value}")));
        if (Loaded.TryGetValue(key, out var cached)) return cached;
        var loaded = BpfPolicyLoader.LoadFile(file.FullName, new BpfLoadOptions { Rodata = rodata });
        return file.Exists ? Loaded.GetOrAdd(key, loaded) : loaded;
    }

    /// <summary>Parameters are .rodata variables set from numbers: decimal (negative: two's complement) or 0x hex.</summary>
    private static bool TryRodata(IReadOnlyDictionary<string, string> parameters, out IReadOnlyDictionary<string, ulong> rodata, out string error)
    {
        var values = new SortedDictionary<string, ulong>(StringComparer.Ordinal);
        rodata = values;
        error = "";
        foreach (var (name, text) in parameters.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!TryNumber(text.Trim(), out var value))
            {
                error = $"parameter '{name}': '{text}' is not an integer; a bpf policy's parameters set the object's .rodata variables (decimal or 0x hex)";
                return false;
            }

            values[name] = value;
        }

        return true;
    }

    private static bool TryNumber(string t, out ulong value)
    {
        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return ulong.TryParse(t.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        if (ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            return true;
        var ok = long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed);
        value = unchecked((ulong)signed);
        return ok;
    }
}
