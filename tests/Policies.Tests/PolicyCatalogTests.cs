using NumaActors.Kernel.Scenarios;
using NumaActors.Policies;

namespace NumaActors.Policies.Tests;

public class PolicyCatalogTests
{
    private readonly PolicyCatalog catalog = PolicyCatalog.CreateBuiltin();

    private static Dictionary<string, string> P(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    private static PolicyParamError Single(IReadOnlyList<PolicyParamError> errors)
    {
        Assert.Single(errors);
        return errors[0];
    }

    [Fact]
    public void The_catalog_lists_every_kind_a_scenario_may_name_including_bpf()
    {
        Assert.Equal(["adaptive-hot-threshold", "always", "bpf", "never", "static"], catalog.Kinds);
    }

    [Fact]
    public void Correct_parameters_of_every_kind_validate()
    {
        Assert.Empty(catalog.ValidateParams("never", P()));
        Assert.Empty(catalog.ValidateParams("always", P()));
        Assert.Empty(catalog.ValidateParams("static", P(("enabled", "true"), ("hot_threshold", "500ms"), ("scan_size", "512MiB"),
            ("scan_period_min", "500ms"), ("scan_period_max", "30s"), ("scan_delay", "0ms"))));
        Assert.Empty(catalog.ValidateParams("adaptive-hot-threshold", P(("budget", "32MiB/s"), ("min_threshold", "100ms"),
            ("max_threshold", "3s"), ("initial_threshold", "1s"), ("step", "50ms"))));
        Assert.Empty(catalog.ValidateParams("adaptive-hot-threshold", P(("budget", "8192/s"))));
        Assert.Empty(catalog.ValidateParams("bpf", P(("object", "policy.bpf.o"), ("target_node", "1"))));
    }

    [Fact]
    public void An_unknown_kind_is_reported_on_kind_with_the_known_ones()
    {
        var error = Single(catalog.ValidateParams("sometimes", P()));
        Assert.Equal("kind", error.Param);
        Assert.Contains("sometimes", error.Message);
        Assert.Contains("adaptive-hot-threshold, always, bpf, never, static", error.Message);
    }

    [Theory]
    [InlineData("static", "hot_treshold")]
    [InlineData("adaptive-hot-threshold", "enabled")]
    [InlineData("never", "enabled")]
    [InlineData("always", "hot_threshold")]
    public void An_unknown_parameter_is_named_with_what_the_kind_allows(string kind, string param)
    {
        var error = Single(catalog.ValidateParams(kind, P((param, "1"))));
        Assert.Equal(param, error.Param);
        Assert.Contains(kind, error.Message);
        if (kind == "static") Assert.Contains("enabled, hot_threshold, scan_size, scan_period_min, scan_period_max, scan_delay", error.Message);
        if (kind == "never") Assert.Contains("takes no parameters", error.Message);
    }

    [Theory]
    [InlineData("static", "enabled", "yes-please", "true or false")]
    [InlineData("static", "hot_threshold", "500", "is not a duration")]
    [InlineData("static", "hot_threshold", "500kg", "not a duration unit")]
    [InlineData("static", "scan_size", "512MB", "not a size unit")]
    [InlineData("static", "scan_delay", "fast", "is not a duration")]
    [InlineData("adaptive-hot-threshold", "budget", "lots", "is not a rate")]
    [InlineData("adaptive-hot-threshold", "budget", "64MiB/week", "is not a rate")]
    [InlineData("adaptive-hot-threshold", "step", "", "no value")]
    public void A_value_in_the_wrong_form_or_unit_is_named_with_what_is_allowed(string kind, string param, string value, string expected)
    {
        var error = Single(catalog.ValidateParams(kind, P((param, value))));
        Assert.Equal(param, error.Param);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("static", "hot_threshold", "0ms")]          // 0 means "use the sysctl": leave the parameter out
    [InlineData("static", "hot_threshold", "4294967296ms")] // one past u32 milliseconds
    [InlineData("static", "scan_size", "0MiB")]             // task_nr_scan_windows would divide by zero
    [InlineData("adaptive-hot-threshold", "budget", "0/s")]
    [InlineData("adaptive-hot-threshold", "budget", "65537MiB/s")] // above the kernel's own default limit
    [InlineData("adaptive-hot-threshold", "step", "0ms")]
    public void A_value_out_of_range_is_refused_with_the_range(string kind, string param, string value)
    {
        var error = Single(catalog.ValidateParams(kind, P((param, value))));
        Assert.Equal(param, error.Param);
        Assert.Contains("out of range", error.Message);
        Assert.Contains("from", error.Message);
    }

    [Theory]
    [InlineData("hot_threshold", "1.5ms", "whole number of milliseconds")]
    [InlineData("scan_period_min", "2500us", "whole number of milliseconds")]
    [InlineData("scan_size", "1536KiB", "whole number of MiB")]
    public void A_value_finer_than_the_knobs_grain_is_refused(string param, string value, string expected)
    {
        var error = Single(catalog.ValidateParams("static", P((param, value))));
        Assert.Equal(param, error.Param);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Min_above_max_is_refused_naming_the_minimum()
    {
        // With min above max no initial value fits both bounds, so that is reported too.
        var errors = catalog.ValidateParams("adaptive-hot-threshold", P(("min_threshold", "3s"), ("max_threshold", "2500ms"), ("initial_threshold", "3s")));
        var error = Assert.Single(errors, e => e.Param == "min_threshold");
        Assert.Contains("min_threshold (3s) must not exceed max_threshold (2500ms)", error.Message);

        var scan = Single(catalog.ValidateParams("static", P(("scan_period_min", "10s"), ("scan_period_max", "5s"))));
        Assert.Equal("scan_period_min", scan.Param);
    }

    [Fact]
    public void Cross_rules_use_defaults_so_an_initial_threshold_above_the_default_maximum_is_refused()
    {
        // max_threshold defaults to 2000ms.
        var error = Single(catalog.ValidateParams("adaptive-hot-threshold", P(("initial_threshold", "5s"))));
        Assert.Equal("initial_threshold", error.Param);
        Assert.Contains("max_threshold (2000ms)", error.Message);
    }

    [Fact]
    public void Static_scan_periods_are_only_compared_when_both_are_given()
    {
        // Only one given: the other is the server's sysctl, unknown here, so nothing to compare.
        Assert.Empty(catalog.ValidateParams("static", P(("scan_period_min", "120s"))));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = catalog.ValidateParams("static", P(("enabled", "maybe"), ("scan_size", "0MiB"), ("colour", "red")));
        Assert.Equal(["colour", "enabled", "scan_size"], errors.Select(e => e.Param).Order());
    }

    [Fact]
    public void Parsing_fills_in_defaults_in_the_knobs_units()
    {
        Assert.True(catalog.TryParse("adaptive-hot-threshold", P(("budget", "64MiB/s")), out var parsed, out _));

        // 64 MiB/s / 4 KiB pages = 16384 pages/s.
        Assert.Equal(16384, parsed!.PagesPerSecond("budget"));
        Assert.Equal(50u, parsed.Milliseconds("min_threshold"));
        Assert.Equal(2000u, parsed.Milliseconds("max_threshold"));
        Assert.Equal(1000u, parsed.Milliseconds("initial_threshold"));
        Assert.Equal(125u, parsed.Milliseconds("step"));

        Assert.True(catalog.TryParse("static", P(("scan_size", "1GiB"), ("hot_threshold", "2s")), out var st, out _));
        Assert.True(st!.Bool("enabled"));
        Assert.Equal(1024u, st.Mebibytes("scan_size"));
        Assert.Equal(2000u, st.Milliseconds("hot_threshold"));
        Assert.Null(st.Milliseconds("scan_delay"));   // no default: the sysctl applies
    }

    [Fact]
    public void Every_default_of_every_kind_is_itself_valid()
    {
        foreach (var spec in catalog.Specs)
        {
            var defaults = spec.Params.Where(p => p.Default is not null).ToDictionary(p => p.Name, p => p.Default!);
            Assert.Empty(catalog.ValidateParams(spec.Kind, defaults));
        }
    }

    [Fact]
    public void A_registered_spec_replaces_the_open_bpf_placeholder()
    {
        catalog.Register(new PolicyKindSpec("bpf", "strict", [new("object", PolicyParamType.Text, "object file")]));

        var error = Single(catalog.ValidateParams("bpf", P(("object", "x.o"), ("other", "1"))));
        Assert.Equal("other", error.Param);
    }

    [Fact]
    public void The_catalog_is_usable_through_the_kernel_seam()
    {
        IPolicyCatalog seam = catalog;
        Assert.Contains("static", seam.Kinds);
        Assert.Equal("scan_size", Single(seam.ValidateParams("static", P(("scan_size", "x")))).Param);
    }

    [Fact]
    public void Param_names_list_what_a_sweep_may_vary_and_are_open_for_bpf()
    {
        IPolicyCatalog seam = catalog;
        Assert.Contains("hot_threshold", seam.ParamNames("static")!);
        Assert.Contains("enabled", seam.ParamNames("static")!);
        Assert.Empty(seam.ParamNames("never")!);
        Assert.Null(seam.ParamNames("bpf"));
    }
}
