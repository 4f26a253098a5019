using Coordination.Errors;
using Coordination.Logistics.Requisitions;
using Coordination.Logistics.Shipments;
using Coordination.Logistics.V1;
using Xunit;
using RequisitionLine = Coordination.Logistics.Requisitions.RequisitionLine;
using Shipment = Coordination.Logistics.Shipments.Shipment;

namespace Coordination.Tests.Logistics;

/// <summary>The domain rules behind requisition lines and the two logistics lifecycles, without a database.</summary>
public sealed class RequisitionLineRulesTests
{
    [Fact]
    public void Whatever_sequence_of_commits_dispatches_and_receipts_is_tried_a_line_stays_consistent_and_a_refusal_changes_nothing()
    {
        var random = new Random(4);
        for (var run = 0; run < 200; run++)
        {
            var line = RequisitionLine.Request(new string('a', 32), new string('b', 32), random.Next(1, 100));
            var shipped = new List<int>();
            for (var step = 0; step < 40; step++)
            {
                var before = (line.Committed, line.InTransit, line.Received);
                try
                {
                    switch (random.Next(3))
                    {
                        case 0:
                            line.Commit(random.Next(1, 40));
                            break;
                        case 1:
                            var quantity = random.Next(1, 40);
                            line.Dispatch(quantity);
                            shipped.Add(quantity);
                            break;
                        case 2 when shipped.Count > 0:
                            var arriving = shipped[0];
                            line.Receive(arriving, random.Next(0, arriving + 1));
                            shipped.RemoveAt(0);
                            break;
                    }
                }
                catch (PreconditionFailedException e)
                {
                    Assert.Equal("REQUISITION_LINE_QUANTITIES", e.Type);
                    Assert.Equal(before, (line.Committed, line.InTransit, line.Received));
                }
                Assert.True(0 <= line.Received && line.Received <= line.Received + line.InTransit
                    && line.Received + line.InTransit <= line.Committed && line.Committed <= line.Requested,
                    $"requested {line.Requested}, committed {line.Committed}, in transit {line.InTransit}, received {line.Received}");
                Assert.Equal(shipped.Sum(), line.InTransit);
            }
        }
    }

    [Fact]
    public void A_receipt_of_more_than_is_in_transit_is_refused()
    {
        var line = RequisitionLine.Request(new string('a', 32), new string('b', 32), 10);
        line.Commit(10);
        line.Dispatch(4);

        Assert.Throws<PreconditionFailedException>(() => line.Receive(5, 5));
        Assert.Throws<PreconditionFailedException>(() => line.Receive(4, 5));
        Assert.Equal((4, 0), (line.InTransit, line.Received));
    }

    [Theory]
    [InlineData(RequisitionStatus.Draft, RequisitionStatus.Submitted, true)]
    [InlineData(RequisitionStatus.Draft, RequisitionStatus.Approved, false)]
    [InlineData(RequisitionStatus.Submitted, RequisitionStatus.Approved, true)]
    [InlineData(RequisitionStatus.Approved, RequisitionStatus.Completed, true)]
    [InlineData(RequisitionStatus.Approved, RequisitionStatus.Submitted, false)]
    [InlineData(RequisitionStatus.Completed, RequisitionStatus.Cancelled, false)]
    [InlineData(RequisitionStatus.Cancelled, RequisitionStatus.Draft, false)]
    public void The_requisition_workflow_allows_only_its_own_steps(RequisitionStatus from, RequisitionStatus to, bool allowed) =>
        Assert.Equal(allowed, RequisitionLifecycle.Allows(from, to));

    [Theory]
    [InlineData(ShipmentStatus.Preparing, ShipmentStatus.InTransit, true)]
    [InlineData(ShipmentStatus.Preparing, ShipmentStatus.Cancelled, true)]
    [InlineData(ShipmentStatus.Preparing, ShipmentStatus.Received, false)]
    [InlineData(ShipmentStatus.InTransit, ShipmentStatus.Received, true)]
    [InlineData(ShipmentStatus.InTransit, ShipmentStatus.Cancelled, false)]
    [InlineData(ShipmentStatus.Received, ShipmentStatus.InTransit, false)]
    public void The_shipment_lifecycle_allows_only_its_own_steps(ShipmentStatus from, ShipmentStatus to, bool allowed) =>
        Assert.Equal(allowed, ShipmentLifecycle.Allows(from, to));

    [Theory]
    [InlineData(SiteStatus.Contested, true)]
    [InlineData(SiteStatus.Recaptured, true)]
    [InlineData(SiteStatus.Lost, true)]
    [InlineData(SiteStatus.Secured, false)]
    public void A_convoy_needs_an_escort_unless_its_destination_is_secured(SiteStatus destination, bool escort) =>
        Assert.Equal(escort, Shipment.NeedsEscort(destination));
}
