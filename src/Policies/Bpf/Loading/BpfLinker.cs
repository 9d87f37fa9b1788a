using NumaActors.Policies.Bpf.Isa;
using NumaActors.Policies.Bpf.Vm;

namespace NumaActors.Policies.Bpf.Loading;

/// <summary>
/// Links an entry function (README §5 step 6): copies its insns, appends every transitively
/// called subprogram once, fixes the call imms; refuses recursion and call chains deeper than
/// the kernel's 8 frames (README §6 rule 4).
/// </summary>
internal static class BpfLinker
{
    public static BpfProgram Link(BpfFunction entry, IReadOnlyDictionary<(int Section, int Insn), BpfFunction> functions)
    {
        CheckCallGraph(entry, functions, [], 1);
        var order = new List<BpfFunction> { entry };
        var starts = new Dictionary<BpfFunction, int> { [entry] = 0 };
        var total = entry.Insns.Length;
        for (var i = 0; i < order.Count; i++)
        {
            foreach (var target in order[i].Calls.OrderBy(c => c.Key).Select(c => functions[c.Value]))
            {
                if (starts.ContainsKey(target))
                    continue;
                starts[target] = total;
                total += target.Insns.Length;
                order.Add(target);
            }
        }

        var insns = new BpfInsn[total];
        var spans = new List<BpfFunctionSpan>();
        foreach (var f in order)
        {
            var at = starts[f];
            f.Insns.CopyTo(insns, at);
            spans.Add(new BpfFunctionSpan(f.Name, at, f.Insns.Length));
            foreach (var (idx, target) in f.Calls)
            {
                var callAt = at + idx;
                insns[callAt] = insns[callAt] with { Imm = starts[functions[target]] - (callAt + 1) };
            }
        }

        return new BpfProgram(entry.Name, entry.SectionName, insns, spans);
    }

    private static void CheckCallGraph(BpfFunction f, IReadOnlyDictionary<(int, int), BpfFunction> functions, List<string> path, int depth)
    {
        if (path.Contains(f.Name))
            throw new BpfFormatException("EINVAL", $"recursive call: {string.Join(" -> ", path)} -> {f.Name} (the kernel verifier rejects recursion)");
        if (depth > BpfInterpreter.MaxFrames)
            throw new BpfFormatException("E2BIG", $"call chain {string.Join(" -> ", path)} -> {f.Name} is deeper than {BpfInterpreter.MaxFrames} frames");
        path.Add(f.Name);
        foreach (var target in f.Calls.Values.Distinct())
            CheckCallGraph(functions[target], functions, path, depth + 1);
        path.RemoveAt(path.Count - 1);
    }
}
