using Coordination.Bench;

namespace Coordination.Bench.Edge;

/// <summary>What to run against and how much: read from the command line, falling back to POSTGRES_CONNECTION.</summary>
public sealed record BenchOptions(string Postgres, int Samples, int LargeSamples, bool Keep)
{
    public const string Database = "coordination_bench_edge";

    public static BenchOptions Parse(string[] args)
    {
        var a = new BenchArgs(args);
        return new BenchOptions(a.Postgres(), a.Number("--samples", 500), a.Number("--large-samples", 100), a.Flag("--keep"));
    }
}
