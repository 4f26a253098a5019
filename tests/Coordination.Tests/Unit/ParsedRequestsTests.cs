using Coordination.Hosting;
using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Coordination.Tests.Unit;

/// <summary>
/// <see cref="ParsedRequests"/> finds grpc-dotnet's binder by the name of an internal type: an upgrade of
/// Grpc.AspNetCore that renames it must fail here, not leave two binders (every method bound twice) or none.
/// </summary>
public sealed class ParsedRequestsTests
{
    [Fact]
    public void The_parsing_binder_takes_the_place_of_grpc_dotnets_binder_found_by_its_internal_name()
    {
        var services = new ServiceCollection();
        services.AddGrpc();
        var grpcs = Binders(services);

        services.AddParsedRequests();

        Assert.Contains("BinderServiceMethodProvider`1", grpcs);
        Assert.Equal([.. grpcs.Where(b => b != "BinderServiceMethodProvider`1"), "ParsedRequestMethodProvider`1"], Binders(services));
    }

    private static List<string> Binders(IServiceCollection services) =>
        [.. services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>)).Select(d => d.ImplementationType!.Name)];
}
