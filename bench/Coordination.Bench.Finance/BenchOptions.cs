namespace Coordination.Bench.Finance;

/// <summary>What to run against and how much: read from the command line, falling back to POSTGRES_CONNECTION.</summary>
public sealed record BenchOptions(string Postgres, int Flows, int Donors, int Samples, int Warmup, bool Keep)
{
    public const string Database = "coordination_bench_finance";

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var postgres = Value("--postgres") ?? Environment.GetEnvironmentVariable("POSTGRES_CONNECTION")
            ?? throw new ArgumentException("Give --postgres \"Host=…\" or set POSTGRES_CONNECTION.");
        return new BenchOptions(postgres, Number("--flows", 1_000_000), Number("--donors", 60), Number("--samples", 2_000), Number("--warmup", 1_000), args.Contains("--keep"));
    }
}
