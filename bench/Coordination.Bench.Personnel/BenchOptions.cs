using Coordination.Bench;

namespace Coordination.Bench.Personnel;

/// <summary>What to run against and how much: read from the command line, falling back to POSTGRES_CONNECTION.</summary>
public sealed record BenchOptions(string Postgres, int Officers, int Contingents, int Nations, int Samples, int ImportRows, bool Keep)
{
    public const string Database = "coordination_bench_personnel";

    public static BenchOptions Parse(string[] args)
    {
        var a = new BenchArgs(args);
        return new BenchOptions(a.Postgres(), a.Number("--officers", 100_000), a.Number("--contingents", 2_000), a.Number("--nations", 40),
            a.Number("--samples", 2_000), a.Number("--import-rows", 10_000), a.Flag("--keep"));
    }
}
