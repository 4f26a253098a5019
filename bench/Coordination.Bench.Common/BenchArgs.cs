using System.Globalization;

namespace Coordination.Bench;

/// <summary>A benchmark's command line: <c>--name value</c> pairs and flags, PostgreSQL from <c>--postgres</c> or POSTGRES_CONNECTION.</summary>
public sealed class BenchArgs(string[] args)
{
    public string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    public int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => args.Contains(name);

    public string Postgres() => Value("--postgres") ?? Environment.GetEnvironmentVariable("POSTGRES_CONNECTION")
        ?? throw new ArgumentException("Give --postgres \"Host=…\" or set POSTGRES_CONNECTION.");
}
