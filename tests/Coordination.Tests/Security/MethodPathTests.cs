using System.Collections.Concurrent;
using Coordination.Auth;
using Coordination.Contracts;
using Coordination.Hosting;
using Coordination.Tests.Infrastructure;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Routing;
using Xunit;

namespace Coordination.Tests.Security;

/// <summary>
/// A gRPC path is exact. ASP.NET Core matches routes in any case, so the same RPC spelled in another case reaches the
/// same handler: access is decided by the method the endpoint serves, never by how the path was spelled, and a path
/// that is not exactly a contract path is UNIMPLEMENTED, at the gateway and at the service.
/// </summary>
public sealed class MethodPathTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    [Fact]
    public async Task Every_rpc_called_by_its_path_in_another_case_is_unimplemented_through_the_gateway_and_at_its_service()
    {
        var gateway = GrpcChannel.ForAddress(fixture.Suite.Gateway!.GrpcAddress());
        var services = SuiteHost.Modules.Keys.ToDictionary(s => s, s => GrpcChannel.ForAddress(fixture.Suite.Service(s).GrpcAddress()));
        var admitted = new ConcurrentBag<string>();
        try
        {
            var probes = PublicContract.Methods
                .SelectMany(m => AccessMatrix.InOtherCases(m).Select(path => (Method: m, Path: path)))
                .SelectMany(p => new[] { (p.Method, p.Path, Where: "gateway"), (p.Method, p.Path, Where: PublicContract.ServiceOf(p.Method)) })
                .ToList();
            await Parallel.ForEachAsync(probes, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (probe, _) =>
            {
                var channel = probe.Where == "gateway" ? gateway : services[probe.Where];
                // An observer may call almost nothing: each probe its own, so that no partner budget is spent twice.
                var status = await AccessMatrix.CallAsync(channel.CreateCallInvoker(), probe.Method,
                    probe.Method.InputType.Parser.ParseFrom([]), TestTokens.For("KEN", Roles.Observer), probe.Path);
                if (status.StatusCode != StatusCode.Unimplemented)
                {
                    admitted.Add($"{probe.Path} at the {probe.Where}: {status.StatusCode} {status.Detail}");
                }
            });
            Assert.True(probes.Count > 400, $"only {probes.Count} probes: the contract lost its methods");
        }
        finally
        {
            gateway.Dispose();
            foreach (var channel in services.Values)
            {
                channel.Dispose();
            }
        }
        Assert.True(admitted.IsEmpty, $"{admitted.Count} calls by a path in another case were not UNIMPLEMENTED:\n{string.Join("\n", admitted.Order(StringComparer.Ordinal))}");
    }

    [Fact]
    public void Every_grpc_method_a_service_serves_has_a_row_in_its_access_table_or_is_health_or_reflection()
    {
        foreach (var name in SuiteHost.Modules.Keys)
        {
            var served = ((IEndpointRouteBuilder)fixture.Suite.Service(name)).DataSources
                .SelectMany(d => d.Endpoints)
                .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method)
                .OfType<IMethod>()
                .ToList();
            var ungoverned = served
                .Where(m => AccessMatrix.Tables[name].Find(m.FullName) is null && !AccessInterceptor.Ungoverned.Contains(m.ServiceName))
                .Select(m => m.FullName).ToList();

            Assert.Contains(served, m => m.ServiceName == "grpc.health.v1.Health");
            Assert.True(ungoverned.Count == 0, $"{name} serves methods nobody governs: {string.Join(", ", ungoverned)}");
        }
    }
}
