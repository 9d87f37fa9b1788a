using NumaActors.Policies.Bpf.Isa;
using NumaActors.Policies.Bpf.Vm;

namespace NumaActors.Policies.Tests.Bpf;

/// <summary>A few encoders for hand-written test programs (bpf_conformance style), run directly in the interpreter.</summary>
internal static class Asm
{
    public static BpfInsn Mov64(int dst, int imm) => new(0xb7, (byte)dst, 0, 0, imm);
    public static BpfInsn Mov32(int dst, int imm) => new(0xb4, (byte)dst, 0, 0, imm);
    public static BpfInsn Alu64X(byte op, int dst, int src) => new((byte)(0x07 | 0x08 | op), (byte)dst, (byte)src, 0, 0);
    public static BpfInsn Alu32X(byte op, int dst, int src) => new((byte)(0x04 | 0x08 | op), (byte)dst, (byte)src, 0, 0);
    public static BpfInsn Alu64K(byte op, int dst, int imm) => new((byte)(0x07 | op), (byte)dst, 0, 0, imm);
    public static BpfInsn Alu32K(byte op, int dst, int imm) => new((byte)(0x04 | op), (byte)dst, 0, 0, imm);
    public static BpfInsn[] LdImm64(int dst, ulong v) => [new(0x18, (byte)dst, 0, 0, (int)(uint)v), new(0, 0, 0, 0, (int)(uint)(v >> 32))];
    public static BpfInsn Exit => new(0x95, 0, 0, 0, 0);

    public static BpfRunResult Run(params object[] parts) => RunWith(new byte[64], parts);

    public static BpfRunResult RunWith(byte[] ctx, params object[] parts)
    {
        var code = parts.SelectMany(p => p as BpfInsn[] ?? [(BpfInsn)p]).ToArray();
        var memory = new BpfMemory();
        var vm = new BpfInterpreter(memory, new NoHelpers());
        var ptr = BpfMemory.Pointer(memory.AddTransient(new BpfRegion("ctx", ctx, true)), 0);
        return vm.Run(new BpfProgram("t", "test", code, [new BpfFunctionSpan("t", 0, code.Length)]), ptr, 10_000);
    }

    private sealed class NoHelpers : IBpfHelpers
    {
        public bool IsAllowed(int id) => false;

        public ulong Call(int id, BpfMemory memory, ReadOnlySpan<ulong> args) => 0;
    }
}
