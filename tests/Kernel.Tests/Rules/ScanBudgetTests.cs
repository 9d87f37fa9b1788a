using NumaActors.Kernel.Rules;

namespace NumaActors.Kernel.Tests.Rules;

/// <summary>§2.2: pages = scan_size × 256, virtpages = 8 × pages, whole-chunk charge.</summary>
public class ScanBudgetTests
{
    [Fact]
    public void Virtual_limit_is_eight_times_the_scan_size()
    {
        var b = new ScanBudget(256);
        Assert.Equal(65_536, b.Pages);
        Assert.Equal(524_288, b.VirtPages);   // 2 GiB of virtual range
    }

    [Fact]
    public void A_chunk_that_changed_one_entry_is_charged_its_whole_span()
    {
        var b = new ScanBudget(256);
        b.Charge(spanPages: 512, changed: 1);
        Assert.Equal(65_536 - 512, b.Pages);
        b.Charge(spanPages: 512, changed: 0);  // nothing changed: only the virtual limit pays
        Assert.Equal(65_536 - 512, b.Pages);
        Assert.Equal(524_288 - 1024, b.VirtPages);
    }

    [Fact]
    public void Sparse_memory_stops_at_the_virtual_limit()
    {
        var b = new ScanBudget(256);
        int chunks = 0;
        while (!b.Exhausted) { b.Charge(512, 0); chunks++; }
        Assert.Equal(1024, chunks);   // 524,288 / 512
    }
}
