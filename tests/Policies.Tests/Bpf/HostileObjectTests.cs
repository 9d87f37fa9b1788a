using System.Buffers.Binary;
using NumaActors.Policies.Bpf;
using NumaActors.Policies.Bpf.Hooks;

namespace NumaActors.Policies.Tests.Bpf;

/// <summary>
/// The hostile corpus of issue 8 item 4: each malformed object is refused at load with its own
/// specific message (the CLI maps a load error to exit 2), never an exception.
/// </summary>
public class HostileObjectTests
{
    [Fact]
    public void Truncated_header_is_refused()
    {
        var r = BpfPolicyLoader.Load(Fixture.Bytes("numab_maps.o")[..40]);
        Assert.Equal(new BpfLoadError("ENOEXEC", "truncated ELF: 40 bytes, the ELF64 header alone needs 64"), Assert.Single(r.Errors));
    }

    [Fact]
    public void Truncated_section_table_is_refused()
    {
        var bytes = Fixture.Bytes("numab_maps.o");
        var r = BpfPolicyLoader.Load(bytes[..(bytes.Length - 100)]);
        Assert.StartsWith("truncated ELF: section header table at offset", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void Section_pointing_past_the_end_is_refused()
    {
        var bytes = Fixture.Bytes("numab_maps.o");
        var shoff = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(40));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(shoff + 3 * 64 + 24), 0x7fff_0000);
        var r = BpfPolicyLoader.Load(bytes);
        Assert.StartsWith("truncated ELF: section 3 at offset 2147418112", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void Jump_into_the_middle_of_a_64_bit_load_is_refused()
    {
        // insn 19 "if r8 != 0 goto +22" retargeted to insn 10, the second slot of "r1 = nr_calls ll" at 9.
        var p = new ObjectPatcher("numab_maps.o").Insn("struct_ops/numab_hook", 19, "5508f6ff00000000");
        var r = BpfPolicyLoader.Load(p.Bytes);
        Assert.Equal("program 'numab_hook' insn 19: jump to insn 10, the middle of a 64-bit load (LD_IMM64)", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void Write_to_r10_is_refused()
    {
        var p = new ObjectPatcher("numab_maps.o").Insn("struct_ops/numab_hook", 7, "bf0a000000000000");
        var r = BpfPolicyLoader.Load(p.Bytes);
        Assert.Equal("program 'numab_hook' insn 7: write to r10, the read-only frame pointer", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void Recursion_is_refused()
    {
        // local_pct's "r0 = 0" at .text insn 12 becomes "call -13": a call to local_pct itself (12 + 1 - 13 = 0).
        var p = new ObjectPatcher("numab_maps.o").Insn(".text", 12, "85100000f3ffffff");
        var r = BpfPolicyLoader.Load(p.Bytes);
        Assert.Equal("recursive call: numab_hook -> local_pct -> local_pct (the kernel verifier rejects recursion)", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void Unreachable_code_is_refused()
    {
        // insn 19 "if r8 != 0 goto +22" becomes "goto +22": insns 20..41 can no longer run.
        var p = new ObjectPatcher("numab_maps.o").Insn("struct_ops/numab_hook", 19, "0500160000000000");
        var r = BpfPolicyLoader.Load(p.Bytes);
        Assert.Equal("program 'numab_hook' insn 20 is unreachable (the kernel verifier rejects unreachable insns)", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void Division_by_constant_zero_is_refused()
    {
        // .text insn 15 "r0 *= 100" becomes "r0 /= 0".
        var p = new ObjectPatcher("numab_maps.o").Insn(".text", 15, "3700000000000000");
        var r = BpfPolicyLoader.Load(p.Bytes);
        Assert.Equal("program 'numab_hook' insn 86: division by constant zero", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void Unknown_helper_is_refused()
    {
        var p = new ObjectPatcher("numab_maps.o").Insn("struct_ops/numab_hook", 6, "85000000e7030000");
        var r = BpfPolicyLoader.Load(p.Bytes);
        Assert.StartsWith("program 'numab_hook' insn 6: unknown helper 999", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void Missing_hook_is_refused()
    {
        // The R_BPF_64_ABS64 that fills numab_hook becomes R_BPF_NONE: the member is NULL.
        var p = new ObjectPatcher("numab_maps.o");
        p.Relocation(".struct_ops.link", 0, (uint)p.SymbolIndex("numab_hook"), 0);
        var r = BpfPolicyLoader.Load(p.Bytes);
        Assert.Equal(new BpfLoadError("EINVAL", "struct_ops 'numab_ops' has no numab_hook: the member is required"), Assert.Single(r.Errors));
    }

    [Fact]
    public void Sleepable_hook_is_refused()
    {
        var p = new ObjectPatcher("numab_core.o");
        p.Relocation(".struct_ops.link", 0, (uint)p.SymbolIndex("numab_hook_sleepable"), 2);
        var r = BpfPolicyLoader.Load(p.Bytes);
        Assert.Equal(
            "struct_ops 'numab_ops': numab_hook points at 'numab_hook_sleepable' in sleepable section 'struct_ops.s/numab_hook'; bpf_numab_ops does not allow sleepable programs",
            Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void Plain_non_link_struct_ops_is_refused_with_eopnotsupp()
    {
        var p = new ObjectPatcher("numab_maps.o").ReplaceString(".rel.struct_ops.link", ".rel.struct_ops");
        var r = BpfPolicyLoader.Load(p.Bytes);
        var e = Assert.Single(r.Errors);
        Assert.Equal("EOPNOTSUPP", e.Errno);
        Assert.StartsWith("struct_ops 'numab_ops' is in '.struct_ops': bpf_numab_ops registers in link mode only", e.Message);
    }

    [Fact]
    public void An_object_without_struct_ops_has_no_hook_to_attach()
    {
        var r = BpfPolicyLoader.Load(Fixture.Bytes("numab_plain.o"));
        Assert.Equal(new BpfLoadError("ENOENT", "no struct bpf_numab_ops in .struct_ops.link: the object has no NUMA balancing hook to attach"), Assert.Single(r.Errors));
    }

    [Fact]
    public void Every_truncation_of_an_object_gives_an_error_not_an_exception()
    {
        var bytes = Fixture.Bytes("numab_maps.o");
        for (var n = 0; n < bytes.Length; n += 97)
        {
            var r = BpfPolicyLoader.Load(bytes[..n]);
            Assert.False(r.Succeeded);
            Assert.NotEmpty(r.Errors);
        }
    }

    [Theory]
    [InlineData("numab_maps.o")]
    [InlineData("numab_core.o")]
    public void Random_byte_flips_give_specific_errors_or_objects_never_exceptions(string fixture)
    {
        var original = Fixture.Bytes(fixture);
        var rng = new Random(8);
        var unspecific = new List<string>();
        for (var i = 0; i < FuzzRounds; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var k = 0; k < 4; k++)
                bytes[rng.Next(bytes.Length)] = (byte)rng.Next(256);
            var r = BpfPolicyLoader.Load(bytes);
            Assert.True(r.Succeeded || r.Errors.Count > 0);
            unspecific.AddRange(r.Errors.Where(e => e.Message.StartsWith("malformed object", StringComparison.Ordinal)).Select(e => e.Message));
        }

        Assert.Empty(unspecific.Distinct());
    }

    private const int FuzzRounds = 3000;

    [Fact]
    public void The_objects_own_cgroup_id_is_reported_and_ignored()
    {
        var r = BpfPolicyLoader.Load(Fixture.Bytes("numab_maps.o"));
        Assert.True(r.Succeeded);
        Assert.Contains("struct_ops 'numab_ops' names cgroup id 1234; ignored, the scenario's attach decides the cgroup", r.Policy!.Warnings);
    }
}
