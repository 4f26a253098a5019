using Coordination.Auth;
using Coordination.Logistics.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Coordination.Tests.Personnel;
using Grpc.Core;
using Xunit;

namespace Coordination.Tests.Boundaries;

/// <summary>Received messages are bounded per RPC: a unary request to what its largest legitimate form needs, each
/// message of a stream likewise, so no request can keep a service busy for long.</summary>
[Collection(BoundaryCollection.Name)]
public sealed class MessageLimitTests(BoundaryFixture fixture)
{
    [Fact]
    public async Task A_4_MB_request_of_repeated_fields_is_refused_for_its_size_before_its_fields_are_read()
    {
        var requisitions = fixture.Client<RequisitionService.RequisitionServiceClient>(TestTokens.For("KEN", Roles.MissionAdmin));
        var request = new CreateRequisitionRequest { RequestId = Guid.NewGuid().ToString("N"), Justification = "Rations" };
        request.Lines.Add(Enumerable.Range(0, 104_000).Select(i => new RequisitionLineInput { ItemId = $"{i:D32}", Quantity = 1 }));
        Assert.InRange(request.CalculateSize(), 3_900_000, 4_194_304 - 100);

        await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => requisitions.CreateRequisitionAsync(new CreateRequisitionRequest()).ResponseAsync);
        // How long the refusal takes is measured by bench/Coordination.Bench.Edge (docs/benchmarks.md), not asserted here.
        var e = await RpcAssert.FailsWith(StatusCode.ResourceExhausted,
            () => requisitions.CreateRequisitionAsync(request, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);

        Assert.Contains("at most 65,536 bytes", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_roster_row_larger_than_a_message_may_be_ends_the_import_with_resource_exhausted()
    {
        var kenya = new PersonnelDesk(fixture.Suite, TestTokens.For("KEN", Roles.Contributor));
        var row = PersonnelDesk.Record();
        row.Skills.Add(Enumerable.Range(0, 20).Select(_ => new string('s', 5_000)));

        await RpcAssert.FailsWith(StatusCode.ResourceExhausted, () => kenya.ImportAsync("KEN", [row]));
    }
}
