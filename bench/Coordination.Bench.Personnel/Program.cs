using Coordination.Bench.Personnel;

// dotnet run -c Release --project bench/Coordination.Bench.Personnel -- [--postgres "Host=…"] [--officers 100000] [--contingents 2000] [--samples 2000] [--import-rows 10000] [--keep]
var options = BenchOptions.Parse(args);
await using var bench = await PersonnelBench.StartAsync(options, Console.Out);
await bench.SeedAsync();
await bench.MeasureReportAsync();
await bench.MeasureImportAsync();
return await bench.VerifyAsync() ? 0 : 1;
