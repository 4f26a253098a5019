using Coordination.Bench.Edge;

// dotnet run -c Release --project bench/Coordination.Bench.Edge -- [--postgres "Host=…"] [--samples 500] [--large-samples 100] [--keep]
var options = BenchOptions.Parse(args);
await using var bench = await RefusalBench.StartAsync(options, Console.Out);
return await bench.MeasureAsync() ? 0 : 1;
