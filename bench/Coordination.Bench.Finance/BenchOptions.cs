using Coordination.Bench;

namespace Coordination.Bench.Finance;

/// <summary>What to run against and how much: read from the command line, falling back to POSTGRES_CONNECTION.</summary>
public sealed record BenchOptions(string Postgres, int Flows, int Donors, int Samples, int Warmup, bool Keep)
{
    public const string Database = "coordination_bench_finance";

    public static BenchOptions Parse(string[] args)
    {
        var a = new BenchArgs(args);
        return new BenchOptions(a.Postgres(), a.Number("--flows", 1_000_000), a.Number("--donors", 60), a.Number("--samples", 2_000), a.Number("--warmup", 1_000), a.Flag("--keep"));
    }
}
