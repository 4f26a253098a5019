using System.Globalization;
using Coordination.Auth;
using Coordination.Logistics;
using Coordination.Logistics.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Coordination.Bench.Edge;

/// <summary>
/// The logistics service and the gateway in this process. Times, one call at a time, how long a request that must be
/// refused takes to be refused — a requisition of 1,500 lines (about 60 KB, under the message limit, over the count
/// of 100) and one of 100,000 lines (about 4 MB, over the 64 KB message limit) — next to an ordinary read measured in
/// the same run as the anchor. Every call's status is checked: a refusal that is not the expected one fails the run.
/// </summary>
public sealed class RefusalBench : IAsyncDisposable
{
    private readonly BenchOptions options;
    private readonly TextWriter log;
    private readonly BenchHost host;

    private RefusalBench(BenchOptions options, TextWriter log, BenchHost host)
    {
        this.options = options;
        this.log = log;
        this.host = host;
    }

    public static async Task<RefusalBench> StartAsync(BenchOptions options, TextWriter log)
    {
        var host = await BenchHost.StartAsync(LogisticsService.Module, options.Postgres, BenchOptions.Database, options.Keep, Roles.LogisticsOfficer, log);
        return new RefusalBench(options, log, host);
    }

    /// <returns>Whether every call ended as expected.</returns>
    public async Task<bool> MeasureAsync()
    {
        var counted = Requisition(1_500);
        var oversized = Requisition(100_000);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"requests: {counted.Lines.Count:N0} lines = {counted.CalculateSize():N0} bytes; {oversized.Lines.Count:N0} lines = {oversized.CalculateSize():N0} bytes"));
        log.WriteLine();
        var ok = true;
        foreach (var (path, client) in new[]
        {
            ("direct", host.Direct<RequisitionService.RequisitionServiceClient>()),
            ("through the gateway", host.ViaGateway<RequisitionService.RequisitionServiceClient>()),
        })
        {
            ok &= await TimeAsync($"anchor: ListRequisitions, {path}", options.Samples, StatusCode.OK,
                () => client.ListRequisitionsAsync(new ListRequisitionsRequest()).ResponseAsync);
            ok &= await TimeAsync($"1,500 lines (60 KB) refused, {path}", options.Samples, StatusCode.InvalidArgument,
                () => client.CreateRequisitionAsync(counted).ResponseAsync);
            ok &= await TimeAsync($"100,000 lines (4 MB) refused, {path}", options.LargeSamples, StatusCode.ResourceExhausted,
                () => client.CreateRequisitionAsync(oversized).ResponseAsync);
        }
        return ok;
    }

    private async Task<bool> TimeAsync<T>(string name, int samples, StatusCode expected, Func<Task<T>> call)
    {
        var unexpected = 0;
        var summary = await Latencies.MeasureAsync(Math.Max(samples / 10, 5), samples, async _ =>
        {
            var status = StatusCode.OK;
            try
            {
                await call();
            }
            catch (RpcException e)
            {
                status = e.StatusCode;
            }
            if (status != expected)
            {
                unexpected++;
            }
        });
        log.WriteLine($"{name,-45} {summary}{(unexpected > 0 ? $"  UNEXPECTED STATUS x{unexpected}" : "")}");
        return unexpected == 0;
    }

    private static CreateRequisitionRequest Requisition(int lines)
    {
        var request = new CreateRequisitionRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            RequestingContingentId = new string('a', 32),
            DestinationSiteId = new string('b', 32),
            Priority = RequisitionPriority.Routine,
            Justification = "Benchmark of a refusal",
        };
        for (var i = 0; i < lines; i++)
        {
            request.Lines.Add(new RequisitionLineInput { ItemId = i.ToString("x32", CultureInfo.InvariantCulture), Quantity = 1 });
        }
        return request;
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
