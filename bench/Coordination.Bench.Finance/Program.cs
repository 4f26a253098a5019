using Coordination.Bench.Finance;

// dotnet run -c Release --project bench/Coordination.Bench.Finance -- [--postgres "Host=…"] [--flows 1000000] [--donors 60] [--samples 2000] [--keep]
var options = BenchOptions.Parse(args);
await using var bench = await FinanceBench.StartAsync(options, Console.Out);
await bench.SeedAsync();
await bench.MeasureAsync();
return await bench.VerifyAsync() ? 0 : 1;
