using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Logistics.V1;
using Coordination.Tests.Infrastructure;
using Coordination.Tests.Logistics;
using Xunit;
using static Coordination.Tests.Logistics.LogisticsDesk;

namespace Coordination.Tests.Requests;

/// <summary>
/// A retry is judged as the first call was: the stored answer to a request id comes back before the request is
/// validated again, so a check against today's date cannot refuse, days later, what was accepted.
/// </summary>
public sealed class RequestReplayTests(ClockedLogisticsFixture fixture) : IClassFixture<ClockedLogisticsFixture>
{
    [Fact]
    public async Task A_retry_after_its_needed_by_day_has_passed_gets_the_first_answer_and_stores_nothing()
    {
        var officer = fixture.Desk(TestTokens.For("HTI", Roles.LogisticsOfficer, "replaying-officer"));
        var site = await officer.SiteAsync(SiteStatus.Secured);
        var item = await officer.ItemAsync();
        var contingent = (await officer.RequisitionAsync(site.Id, (item, 1))).RequestingContingentId;
        var request = new CreateRequisitionRequest
        {
            RequestId = NewId(),
            RequestingContingentId = contingent,
            DestinationSiteId = site.Id,
            Priority = RequisitionPriority.Urgent,
            NeededBy = Day(DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime).AddDays(10)),
            Justification = "Rations before the rains",
            Lines = { new RequisitionLineInput { ItemId = item.Id, Quantity = 40 } },
        };
        var first = await officer.Requisitions.CreateRequisitionAsync(request);
        var stored = await CountAsync(officer);

        // Twelve days on: the needed-by day has passed, and the id is still remembered (14 days).
        fixture.Clock.Advance(TimeSpan.FromDays(12));
        var retried = await officer.Requisitions.CreateRequisitionAsync(request);

        Assert.Equal(first, retried);
        Assert.Equal(stored, await CountAsync(officer));
        // The same id for another request is still refused on the id, not on the days it carries.
        await RpcAssert.InvalidFields(
            () => officer.Requisitions.CreateRequisitionAsync(new CreateRequisitionRequest(request) { Justification = "Tents instead" }).ResponseAsync,
            "request_id");
    }

    private static async Task<int> CountAsync(LogisticsDesk desk) =>
        (await desk.Requisitions.ListRequisitionsAsync(new ListRequisitionsRequest { Page = new PageRequest { PageSize = 500 } })).Requisitions.Count;
}
