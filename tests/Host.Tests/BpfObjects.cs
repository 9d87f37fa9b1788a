namespace NumaActors.Host.Tests;

/// <summary>The committed example objects, and variants of the demo patched into hostile or faulting programs.</summary>
public static class BpfObjects
{
    public static string Demo => RepoPaths.Of("examples", "policies", "numab_demo.o");

    public static string RemoteFaults => RepoPaths.Of("examples", "policies", "numab_remote_faults.o");

    /// <summary>The demo with its first insn ("r0 = 1") replaced by <paramref name="insnHex"/>.</summary>
    public static byte[] DemoWithFirstInsn(string insnHex)
    {
        var bytes = File.ReadAllBytes(Demo);
        var body = Convert.FromHexString("b700000001000000" + "9500000000000000");   // r0 = 1; exit
        var at = bytes.AsSpan().IndexOf(body);
        Assert.True(at >= 0 && bytes.AsSpan(at + 1).IndexOf(body) < 0, "the demo's two insns appear exactly once");
        Convert.FromHexString(insnHex).CopyTo(bytes, at);
        return bytes;
    }

    /// <summary>"r10 = r1": a write to the read-only frame pointer, refused at load.</summary>
    public static byte[] WritesR10() => DemoWithFirstInsn("bf1a000000000000");

    /// <summary>"r0 = *(u64 *)(r1 + 64)": reads past the 8-byte hook context, a fault at run time.</summary>
    public static byte[] ReadsPastContext() => DemoWithFirstInsn("7910400000000000");
}
