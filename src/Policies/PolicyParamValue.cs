namespace NumaActors.Policies;

/// <summary>A parsed parameter: <see cref="Number"/> in the type's unit (ms, MiB, pages/s), <see cref="Flag"/> for booleans, and the text as written.</summary>
public readonly record struct PolicyParamValue(PolicyParamType Type, double Number, bool Flag, string Text);
