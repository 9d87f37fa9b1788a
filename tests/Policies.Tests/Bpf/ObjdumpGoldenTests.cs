using NumaActors.Policies.Bpf.Elf;
using NumaActors.Policies.Bpf.Isa;

namespace NumaActors.Policies.Tests.Bpf;

/// <summary>Decoder oracle (README §9 test 1): our disassembly equals llvm-objdump -d -r, byte for byte.</summary>
public class ObjdumpGoldenTests
{
    public static TheoryData<string> Objects() => new()
    {
        "numab_core", "numab_core.v3", "numab_plain", "numab_plain.v3", "numab_maps", "numab_maps.v3", "numab_plainmap",
        "numab_core.simdirect", "numab_maps.simdirect",
        "isa_torture.v1", "isa_torture.v2", "isa_torture.v3", "isa_torture.v2alu32",
        "divzero.v1", "divzero.v2", "divzero.v3", "atomics.v1", "atomics.v3", "helpers",
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public void Disassembly_equals_llvm_objdump(string name)
    {
        Assert.True(ElfObject.TryParse(Fixture.Bytes(name + ".o"), out var elf, out var error), error?.ToString());
        var text = BpfObjdump.Render(elf!, $"out/{name}.o");
        Assert.Equal(Fixture.Text(name + ".objdump.txt"), text);
    }
}
