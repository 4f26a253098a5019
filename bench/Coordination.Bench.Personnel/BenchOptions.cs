namespace Coordination.Bench.Personnel;

/// <summary>What to run against and how much: read from the command line, falling back to POSTGRES_CONNECTION.</summary>
public sealed record BenchOptions(string Postgres, int Officers, int Contingents, int Nations, int Samples, int ImportRows, bool Keep)
{
    public const string Database = "coordination_bench_personnel";

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var postgres = Value("--postgres") ?? Environment.GetEnvironmentVariable("POSTGRES_CONNECTION")
            ?? throw new ArgumentException("Give --postgres \"Host=…\" or set POSTGRES_CONNECTION.");
        return new BenchOptions(postgres, Number("--officers", 100_000), Number("--contingents", 2_000), Number("--nations", 40),
            Number("--samples", 2_000), Number("--import-rows", 10_000), args.Contains("--keep"));
    }
}
