using Coordination.Auth;
using Coordination.Finance.V1;
using Coordination.Hosting;
using Coordination.Logistics.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;

namespace Coordination.Tests.Boundaries;

/// <summary>
/// A refusal never grows with the request: it quotes a short prefix of what was sent and lists a bounded number of
/// violations, so its trailers stay far below what proxies drop (an error trailer of a 20 KB nation code made the
/// gateway answer HTTP 502, which clients read as a retryable UNAVAILABLE).
/// </summary>
[Collection(BoundaryCollection.Name)]
public sealed class ErrorSizeTests(BoundaryFixture fixture)
{
    private const int SmallStatus = 4 * 1024;

    [Fact]
    public async Task A_20_KB_nation_code_through_the_gateway_is_refused_quoting_only_its_start()
    {
        var code = "KEN" + new string('X', 20_000);
        var contingents = fixture.Client<ContingentService.ContingentServiceClient>(TestTokens.For("KEN", Roles.MissionAdmin));

        var refusal = await RpcAssert.InvalidFields(() => contingents.CreateContingentAsync(new CreateContingentRequest
        {
            RequestId = Guid.NewGuid().ToString("N"), NationCode = code, Name = "Kenya FPU 9", UnitType = UnitType.FormedPoliceUnit,
            OfficerCount = 120, TourMonths = 6,
        }).ResponseAsync, "nation_code");

        var description = refusal.FieldViolations[0].Description;
        Assert.StartsWith("'KENXXXXXXX", description, StringComparison.Ordinal);
        Assert.Contains("(20,003 characters)", description, StringComparison.Ordinal);
        Assert.True(refusal.CalculateSize() < SmallStatus, $"{refusal.CalculateSize():N0} bytes of detail");
    }

    [Fact]
    public async Task A_40_KB_currency_code_sent_to_a_service_directly_is_refused_and_the_connection_serves_the_next_call()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Suite.Service("finance").GrpcAddress());
        var headers = Bearer.Headers(TestTokens.For("CAN", Roles.FinanceOfficer));
        var contributions = new ContributionService.ContributionServiceClient(channel);

        var e = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => contributions.RecordContributionAsync(new RecordContributionRequest
        {
            RequestId = Guid.NewGuid().ToString("N"), DonorNationCode = "CAN",
            Amount = new Coordination.Common.V1.Money { CurrencyCode = new string('C', 40_000), Units = 1_000 },
            Channel = Channel.TrustFund, DecidedOn = new Coordination.Common.V1.Date { Year = 2024, Month = 5, Day = 2 },
        }, headers).ResponseAsync);

        Assert.Contains("amount.currency_code", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.True(e.Status.Detail.Length <= 512, $"a message of {e.Status.Detail.Length:N0} characters");
        Assert.NotNull(await contributions.ListContributionsAsync(new ListContributionsRequest(), headers));
    }

    [Fact]
    public async Task Three_hundred_duplicate_requisition_lines_are_refused_with_a_bounded_list_of_violations()
    {
        var requisitions = fixture.Client<RequisitionService.RequisitionServiceClient>(TestTokens.For("KEN", Roles.MissionAdmin));
        var item = Guid.NewGuid().ToString("N");
        var request = new CreateRequisitionRequest
        {
            RequestId = Guid.NewGuid().ToString("N"), RequestingContingentId = Guid.NewGuid().ToString("N"),
            DestinationSiteId = Guid.NewGuid().ToString("N"), Priority = RequisitionPriority.Urgent,
            NeededBy = new Coordination.Common.V1.Date { Year = 2030, Month = 1, Day = 1 }, Justification = "Rations for the port",
        };
        request.Lines.Add(Enumerable.Range(0, 300).Select(_ => new RequisitionLineInput { ItemId = item, Quantity = 10 }));

        var e = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => requisitions.CreateRequisitionAsync(request).ResponseAsync);

        var violations = e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations;
        Assert.Contains(violations, v => v.Field == "lines");
        Assert.True(violations.Count <= Validation.Violations.MaxReported + 1, $"{violations.Count} violations");
        Assert.True(e.GetRpcStatus()!.CalculateSize() < SmallStatus, $"a status of {e.GetRpcStatus()!.CalculateSize():N0} bytes");
    }
}
