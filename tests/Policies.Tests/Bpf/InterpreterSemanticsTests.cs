using NumaActors.Policies.Bpf.Isa;
using static NumaActors.Policies.Tests.Bpf.Asm;

namespace NumaActors.Policies.Tests.Bpf;

/// <summary>The ISA edge cases README §5.2 and §9 test 4 name, each with the kernel's answer (RFC 9669).</summary>
public class InterpreterSemanticsTests
{
    [Fact]
    public void Div64_by_zero_register_gives_zero()
    {
        var r = Run(LdImm64(0, 0xdead_beef_0000_0001UL), Mov64(1, 0), Alu64X(BpfOpcodes.OpDiv, 0, 1), Exit);
        Assert.Equal(0UL, r.R0);
    }

    [Fact]
    public void Mod64_by_zero_register_leaves_dst()
    {
        var r = Run(LdImm64(0, 0xdead_beef_0000_0001UL), Mov64(1, 0), Alu64X(BpfOpcodes.OpMod, 0, 1), Exit);
        Assert.Equal(0xdead_beef_0000_0001UL, r.R0);
    }

    [Fact]
    public void Div32_by_zero_register_gives_zero_with_upper_half_cleared()
    {
        var r = Run(LdImm64(0, 0xffff_ffff_0000_0007UL), Mov64(1, 0), Alu32X(BpfOpcodes.OpDiv, 0, 1), Exit);
        Assert.Equal(0UL, r.R0);
    }

    [Fact]
    public void Mod32_by_zero_register_keeps_the_low_half_and_zeroes_the_upper()
    {
        var r = Run(LdImm64(0, 0xffff_ffff_0000_0007UL), Mov64(1, 0), Alu32X(BpfOpcodes.OpMod, 0, 1), Exit);
        Assert.Equal(7UL, r.R0);
    }

    [Fact]
    public void Alu32_divisor_is_truncated_to_32_bits()
    {
        // 0x1_0000_0000 truncates to 0 in 32 bits: a division by zero, not by 2^32.
        var r = Run(Mov64(0, 9), LdImm64(1, 0x1_0000_0000UL), Alu32X(BpfOpcodes.OpDiv, 0, 1), Exit);
        Assert.Equal(0UL, r.R0);
    }

    [Fact]
    public void Shift_counts_by_register_are_masked()
    {
        // 64-bit: 65 & 63 = 1, so 1 << 65 = 2. 32-bit: 33 & 31 = 1, so 1 << 33 = 2.
        Assert.Equal(2UL, Run(Mov64(0, 1), Mov64(1, 65), Alu64X(BpfOpcodes.OpLsh, 0, 1), Exit).R0);
        Assert.Equal(2UL, Run(Mov64(0, 1), Mov64(1, 33), Alu32X(BpfOpcodes.OpLsh, 0, 1), Exit).R0);
    }

    [Fact]
    public void Arithmetic_shift_is_signed_on_the_operand_width()
    {
        // 64-bit: -16 s>> 2 = -4. 32-bit: 0x8000_0000 s>> 31 = 0xffff_ffff, zero-extended.
        Assert.Equal(unchecked((ulong)-4L), Run(Mov64(0, -16), Alu64K(BpfOpcodes.OpArsh, 0, 2), Exit).R0);
        Assert.Equal(0xffff_ffffUL, Run(Mov32(0, int.MinValue), Alu32K(BpfOpcodes.OpArsh, 0, 31), Exit).R0);
    }

    [Fact]
    public void Neg_of_int_min_wraps()
    {
        Assert.Equal(0x8000_0000_0000_0000UL, Run(LdImm64(0, 0x8000_0000_0000_0000UL), Alu64K(BpfOpcodes.OpNeg, 0, 0), Exit).R0);
        Assert.Equal(0x8000_0000UL, Run(Mov32(0, int.MinValue), Alu32K(BpfOpcodes.OpNeg, 0, 0), Exit).R0);
    }

    [Fact]
    public void Alu32_results_are_zero_extended_and_alu64_immediates_sign_extended()
    {
        Assert.Equal(0xffff_ffffUL, Run(Mov32(0, -1), Exit).R0);
        Assert.Equal(ulong.MaxValue, Run(Mov64(0, -1), Exit).R0);
        Assert.Equal(0UL, Run(Mov64(0, -1), Alu32K(BpfOpcodes.OpAdd, 0, 1), Exit).R0);
    }

    [Fact]
    public void Byte_swaps_of_a_high_value()
    {
        // be16 of 0x..._ABCD -> 0xCDAB; le16 truncates; be64 reverses all eight bytes.
        Assert.Equal(0xcdabUL, Run(LdImm64(0, 0x1122_3344_5566_abcdUL), new BpfInsn(0xdc, 0, 0, 0, 16), Exit).R0);
        Assert.Equal(0xabcdUL, Run(LdImm64(0, 0x1122_3344_5566_abcdUL), new BpfInsn(0xd4, 0, 0, 0, 16), Exit).R0);
        Assert.Equal(0xcdab_6655_4433_2211UL, Run(LdImm64(0, 0x1122_3344_5566_abcdUL), new BpfInsn(0xdc, 0, 0, 0, 64), Exit).R0);
    }

    [Fact]
    public void Jmp32_compares_only_the_low_halves()
    {
        // r1 = 0x1_0000_0005: JMP32 "w1 == 5" is taken, JMP "r1 == 5" is not.
        var taken = Run(LdImm64(1, 0x1_0000_0005UL), Mov64(0, 0), new BpfInsn(0x16, 1, 0, 1, 5), Exit, Mov64(0, 1), Exit);
        var notTaken = Run(LdImm64(1, 0x1_0000_0005UL), Mov64(0, 0), new BpfInsn(0x15, 1, 0, 1, 5), Exit, Mov64(0, 1), Exit);
        Assert.Equal(1UL, taken.R0);
        Assert.Equal(0UL, notTaken.R0);
    }

    [Fact]
    public void Cmpxchg32_compares_the_low_half_of_r0_and_returns_the_zero_extended_old_value()
    {
        var ctx = new byte[64];
        BitConverter.GetBytes(4u).CopyTo(ctx, 0);
        // r0 = 0xffff_ffff_0000_0004: low half 4 matches, so mem becomes 98 and r0 = 4.
        var r = RunWith(ctx, LdImm64(0, 0xffff_ffff_0000_0004UL), Mov64(2, 98), new BpfInsn(0xc3, 1, 2, 0, 0xf1), Exit);
        Assert.Equal(4UL, r.R0);
        Assert.Equal(98u, BitConverter.ToUInt32(ctx, 0));
    }

    [Fact]
    public void Atomics_of_the_fixture_give_the_hand_checked_values()
    {
        // struct actx { u64 v[8]; u32 w[4]; u64 out[8]; } (atomics.bpf.c), hit case of both cmpxchg.
        var loaded = NumaActors.Policies.Bpf.Loading.BpfObjectLoader.Load(Fixture.Bytes("atomics.v3.o"));
        var ctx = new byte[144];
        ulong[] v = [10, 10, 0x0f, 0xff, 0x0f, 1, 3, 0];
        for (var i = 0; i < 8; i++)
            BitConverter.GetBytes(v[i]).CopyTo(ctx, i * 8);
        BitConverter.GetBytes(4u).CopyTo(ctx, 64);
        var instance = new NumaActors.Policies.Bpf.Vm.BpfInstance(loaded.Object!, new NumaActors.Policies.Bpf.Vm.BpfHostServices(1));
        var r = instance.RunWithContext(loaded.Object!.Programs[0], ctx, writable: true);
        Assert.Null(r.Fault);
        ulong V(int i) => BitConverter.ToUInt64(ctx, i * 8);
        ulong Out(int i) => BitConverter.ToUInt64(ctx, 80 + i * 8);
        Assert.Equal([15UL, 15, 0xff, 0x0f, 0xf0, 77, 99, 1], Enumerable.Range(0, 8).Select(V));
        // fetch_add old 10, fetch_or old 0x0f, fetch_and old 0xff, fetch_xor old 0x0f, xchg old 1, cmpxchg old 3, cmpxchg32 old 4.
        Assert.Equal([10UL, 0x0f, 0xff, 0x0f, 1, 3, 4], Enumerable.Range(0, 7).Select(Out));
        Assert.Equal(98u, BitConverter.ToUInt32(ctx, 64));
    }

    [Fact]
    public void An_endless_loop_runs_out_of_budget_as_a_result()
    {
        var r = Run(Mov64(0, 0), new BpfInsn(0x05, 0, 0, -1, 0), Exit);
        Assert.Equal("instruction budget of 10000 exhausted (an endless loop?)", r.Fault);
        Assert.Equal(10_000, r.Instructions);
    }

    [Fact]
    public void Out_of_bounds_context_read_faults()
    {
        var r = RunWith(new byte[8], new BpfInsn(0x79, 0, 1, 8, 0), Exit);
        Assert.Equal("out-of-bounds access to ctx: offset 8 size 8, region is 8 bytes", r.Fault);
    }

    [Fact]
    public void Null_dereference_faults()
    {
        var r = Run(Mov64(1, 0), new BpfInsn(0x79, 0, 1, 0, 0), Exit);
        Assert.Equal("NULL pointer access at 0x0 (8 bytes)", r.Fault);
    }

    [Fact]
    public void Stack_below_512_bytes_faults()
    {
        var r = Run(Mov64(0, 0), new BpfInsn(0x7b, 10, 0, -520, 0), Exit);
        Assert.Equal("out-of-bounds access to stack: offset -8 size 8, below its start", r.Fault);
    }
}
