using NumaActors.Policies.Bpf.Loading;
using NumaActors.Policies.Bpf.Vm;

namespace NumaActors.Policies.Tests.Bpf;

/// <summary>
/// ISA oracle (README §9 test 4): on the committed random contexts, r0 and the context bytes after
/// the run equal the reference interpreter's (which DPDK's interpreter and JIT matched bit for bit
/// for torture v1/v2 and numab_plain).
/// </summary>
public class ReferenceResultTests
{
    public static TheoryData<string, string, string, int> Cases() => new()
    {
        { "isa_torture.v1.o", "torture.ctx.bin", "torture.v1.ref.txt", 360 },
        { "isa_torture.v2.o", "torture.ctx.bin", "torture.v2.ref.txt", 360 },
        { "isa_torture.v2alu32.o", "torture.ctx.bin", "torture.v2alu32.ref.txt", 360 },
        { "isa_torture.v3.o", "torture.ctx.bin", "torture.v3.ref.txt", 360 },
        { "divzero.v2.o", "divzero.ctx.bin", "divzero.ref.txt", 56 },
        { "numab_plain.o", "plain.ctx.bin", "plain.ref.txt", 72 },
        { "numab_plain.v3.o", "plain.ctx.bin", "plain.v3.ref.txt", 72 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_context_gives_the_reference_r0_and_context(string obj, string contexts, string reference, int ctxSize)
    {
        var loaded = BpfObjectLoader.Load(Fixture.Bytes(obj));
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Errors));
        var program = Assert.Single(loaded.Object!.Programs);
        var instance = new BpfInstance(loaded.Object, new BpfHostServices(1));
        var input = Fixture.Bytes(contexts);
        var expected = Fixture.Text(reference).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Length, input.Length / ctxSize);
        for (var i = 0; i < expected.Length; i++)
        {
            var ctx = input.AsSpan(i * ctxSize, ctxSize).ToArray();
            var result = instance.RunWithContext(program, ctx, writable: true);
            Assert.Null(result.Fault);
            Assert.Equal(expected[i], $"rc={result.R0:x16} ctx={Convert.ToHexStringLower(ctx)}");
        }
    }
}
