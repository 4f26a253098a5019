using Coordination.Bench.Logistics;

// dotnet run -c Release --project bench/Coordination.Bench.Logistics -- [--postgres "Host=…"] [--entries 1000000] [--samples 2000] [--keep]
var options = BenchOptions.Parse(args);
await using var bench = await StockBench.StartAsync(options, Console.Out);
await bench.SeedAsync();
await bench.MeasureAsync();
return await bench.VerifyAsync() ? 0 : 1;
