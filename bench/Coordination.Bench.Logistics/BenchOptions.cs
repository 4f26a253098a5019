using Coordination.Bench;

namespace Coordination.Bench.Logistics;

/// <summary>What to run against and how much: read from the command line, falling back to POSTGRES_CONNECTION.</summary>
public sealed record BenchOptions(string Postgres, int Entries, int Warehouses, int Sites, int Items, int Samples, bool Keep)
{
    public const string Database = "coordination_bench_logistics";

    public static BenchOptions Parse(string[] args)
    {
        var a = new BenchArgs(args);
        return new BenchOptions(a.Postgres(), a.Number("--entries", 1_000_000), a.Number("--warehouses", 50), a.Number("--sites", 10),
            a.Number("--items", 200), a.Number("--samples", 2_000), a.Flag("--keep"));
    }
}
