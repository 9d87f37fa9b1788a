using System.Runtime.CompilerServices;

// Tests reach the loader's topology-validator seam (ScenarioLoader.LoadText with a validator).
[assembly: InternalsVisibleTo("NumaActors.Kernel.Tests")]
