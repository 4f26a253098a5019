using Coordination.Auth;
using Coordination.Gateway;
using Coordination.Hosting;
using Coordination.Local;
using Coordination.Persistence;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

// A child process of the RabbitMQ mode: host one service and stop when the parent goes away.
if (args is ["--serve", var name])
{
    var module = LocalSuite.Modules.Single(m => m.Name == name);
    var app = module.Build([], environment: "Development", contentRoot: AppContext.BaseDirectory);
    ServiceProcess.StopWhenParentLeaves(app.Lifetime);
    return await app.RunServiceAsync([]);
}

LocalOptions options;
try
{
    options = LocalOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (options.ShowHelp)
{
    Console.WriteLine(LocalOptions.Usage);
    return 0;
}

if (options.DevelopmentKeysOnly)
{
    DevelopmentKey key;
    try
    {
        key = LocalDataFolder.LoadKey(options.DataDirectory);
    }
    catch (LocalStartException e)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
    Console.WriteLine($"Development issuer key {key.KeyId}:");
    Console.WriteLine($"  private (the Development gateway only): {Path.Combine(options.DataDirectory, DevelopmentKeyFile.PrivateKeyFile)}");
    Console.WriteLine($"  public (every host, Auth__PublicKeys):  {Path.Combine(options.DataDirectory, DevelopmentKeyFile.PublicKeysFile)}");
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
// A service manager (or `timeout`, or `kill`) stops it with SIGTERM: the same clean stop as Ctrl-C.
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

var started = System.Diagnostics.Stopwatch.StartNew();
LocalSuite suite;
while (true)
{
    try
    {
        suite = await LocalSuite.StartAsync(options, Console.Out, stop.Token);
        break;
    }
    catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
    {
        // Taken between the check of the ports and the bind.
        Console.Error.WriteLine($"{e.Message} {LocalPorts.HowToMove}");
        return 1;
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
        Console.WriteLine("Stopped before it had started.");
        return 0;
    }
    catch (LocalStartException e)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
    catch (StaleLocalDatabaseException e) when (!options.RebuildLocalData)
    {
        // The local data was built by an older checkout: offer to start again from empty files.
        Console.Error.WriteLine(e.Message);
        if (Console.IsInputRedirected)
        {
            return 1;
        }
        Console.Write("Rebuild the local data now (its records are lost)? [y/N] ");
        if (!string.Equals(Console.ReadLine()?.Trim(), "y", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }
        options = options with { RebuildLocalData = true };
    }
}
await using var running = suite;
LocalBanner.Write(suite, started.Elapsed, Console.Out);

if (options.LoadDemo)
{
    var token = suite.Issuer.Issue("demo-loader", "HTI", Roles.MissionAdmin, TimeSpan.FromMinutes(10));
    using var channel = GrpcChannel.ForAddress(suite.GatewayGrpc);
    var invoker = channel.Intercept(metadata =>
    {
        metadata.Add("authorization", $"Bearer {token}");
        return metadata;
    });
    Console.WriteLine("Loading the demo scenario through the gateway...");
    try
    {
        await new DemoScenario(invoker, Console.Out).LoadAsync(stop.Token);
    }
    catch (DemoIncompleteException e)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
        Console.WriteLine("Stopped while loading the demo.");
        return 0;
    }
}

Console.WriteLine($"""
    Try it (README, "A first call"), from another terminal in this folder:
      dotnet run --project samples/dotnet -- {suite.GatewayGrpc} {suite.GatewayHttp}
      cd samples/node && npm install && node first-call.js {suite.GatewayGrpc.Authority} {suite.GatewayHttp}
    or with grpcurl, if you have it:
      TOKEN=$(curl -sf '{suite.GatewayHttp}dev/token?nation=KEN&role=contributor')
      grpcurl -plaintext -H "authorization: Bearer $TOKEN" \
        {suite.GatewayGrpc.Authority} coordination.personnel.v1.ContingentService/ListContingents
    Press Ctrl-C to stop.
    """);
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}
Console.WriteLine("Stopping...");
return 0;
