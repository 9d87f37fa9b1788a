namespace NumaActors.Policies;

/// <summary>
/// A cross-parameter rule: <see cref="Lower"/> must not exceed <see cref="Upper"/> (e.g.
/// <c>min_threshold ≤ max_threshold</c>). Checked on the effective values (defaults included)
/// when both have one; a violation is reported on <see cref="Blame"/>.
/// </summary>
public sealed record PolicyParamOrder(string Lower, string Upper, string Blame);
