using Coordination.Common.V1;
using Coordination.Diplomacy.V1;
using Coordination.Hosting;
using Coordination.Logistics.V1;
using Coordination.Personnel.V1;
using Google.Protobuf;
using Xunit;

namespace Coordination.Tests.Unit;

/// <summary>The received-message limits hold the largest request each RPC legitimately takes: every count at its
/// maximum and every text at its longest, written in a script of three UTF-8 bytes a character.</summary>
public sealed class MessageLimitTests
{
    private static readonly MessageLimits Limits = new(new MessageLimitOptions());

    private static string Text(int characters) => new('語', characters);

    private static string Id() => Guid.NewGuid().ToString("N");

    private static Date Day => new() { Year = 2025, Month = 6, Day = 30 };

    public static TheoryData<string, IMessage> LargestRequests() => new()
    {
        { "coordination.diplomacy.v1.EngagementService/RecordEngagement", Engagement() },
        { "coordination.logistics.v1.ShipmentService/RecordShipmentReceipt", Receipt() },
        { "coordination.diplomacy.v1.MandateService/AdoptMandate", Mandate() },
        { "coordination.diplomacy.v1.MandateService/TransitionMandate", new TransitionMandateRequest { RequestId = Text(64), Id = Id(), Successor = Mandate() } },
        { "coordination.personnel.v1.OfficerService/RegisterOfficer", new RegisterOfficerRequest { RequestId = Text(64), NationCode = "KEN", Officer = Officer() } },
        { "coordination.personnel.v1.OfficerService/ImportRoster", new ImportRosterRequest { Row = Officer() } },
        { "coordination.personnel.v1.ContingentService/AssignOfficers", Assignment() },
        { "coordination.logistics.v1.RequisitionService/CreateRequisition", Requisition() },
    };

    [Theory]
    [MemberData(nameof(LargestRequests))]
    public void The_largest_legitimate_request_of_an_RPC_fits_its_limit(string method, IMessage request) =>
        Assert.True(request.CalculateSize() <= Limits.For("/" + method), $"{method}: {request.CalculateSize():N0} bytes, limit {Limits.For("/" + method):N0}");

    [Fact]
    public void A_unary_request_is_small_unless_an_RPC_needs_more()
    {
        Assert.Equal(64 * 1024, Limits.For("/coordination.logistics.v1.SiteService/CreateSite"));
        Assert.Equal(256 * 1024, Limits.Largest);
        var configured = new MessageLimits(new MessageLimitOptions
        {
            Methods =
            {
                ["coordination.logistics.v1.SiteService/CreateSite"] = 1024,
                ["coordination.logistics.v1.SiteService.ChangeSiteStatus"] = 2048,
            },
        });
        Assert.Equal(1024, configured.For("/coordination.logistics.v1.SiteService/CreateSite"));
        Assert.Equal(2048, configured.For("/coordination.logistics.v1.SiteService/ChangeSiteStatus"));
    }

    private static RecordEngagementRequest Engagement()
    {
        var request = new RecordEngagementRequest { RequestId = Text(64), Title = Text(200), Location = Text(200), Outcome = Text(4_000), HeldOn = Day };
        request.Participants.Add(Enumerable.Range(0, 100).Select(_ => new Participant { NationCode = "KEN", Role = Text(120) }));
        request.FollowUps.Add(Enumerable.Range(0, 50).Select(_ => new NewFollowUp { Action = Text(500), Owner = Text(120), DueOn = Day }));
        return request;
    }

    private static RecordShipmentReceiptRequest Receipt()
    {
        var request = new RecordShipmentReceiptRequest { RequestId = Text(64), Id = Id(), ReceivingWarehouseId = Id() };
        request.Lines.Add(Enumerable.Range(0, 100).Select(_ => new ShipmentLineReceipt
        {
            LineId = Id(), ReceivedQuantity = 10_000_000, DamagedQuantity = 10_000_000, Note = Text(500),
        }));
        return request;
    }

    private static AdoptMandateRequest Mandate()
    {
        var request = new AdoptMandateRequest
        {
            RequestId = Text(64), ResolutionSymbol = Text(60), AdoptedOn = Day, PeriodStart = Day, PeriodEnd = Day,
            PersonnelCeiling = 5_550, Vote = new Vote { InFavour = 13, Abstentions = 2 },
        };
        request.MemberVotes.Add(Enumerable.Range(0, 15).Select(_ => new MemberVote { MemberCode = "KEN", Position = VotePosition.InFavour }));
        request.Tasks.Add(Enumerable.Range(0, 50).Select(_ => Text(200)));
        request.ReportingObligations.Add(Enumerable.Range(0, 50).Select(_ => new ReportingObligation { Title = Text(200), DueOn = Day, Kind = ObligationKind.Report }));
        return request;
    }

    private static OfficerRecord Officer()
    {
        var record = new OfficerRecord
        {
            ServiceNumber = Text(40), FamilyName = Text(100), GivenNames = Text(100), Rank = Text(60), Gender = Gender.Female, DateOfBirth = Day,
            HumanRightsScreening = new HumanRightsScreening { Result = ScreeningResult.Cleared, On = Day },
        };
        record.Languages.Add(Enumerable.Range(0, 10).Select(_ => "fr"));
        record.Skills.Add(Enumerable.Range(0, 20).Select(_ => Text(60)));
        record.Vetting.Add(Enumerable.Range(0, 20).Select(_ => new VettingResult { Stage = VettingStage.Firearms, Passed = true, On = Day }));
        record.Qualifications.Add(Enumerable.Range(0, 20).Select(_ => new Qualification
        {
            Kind = QualificationKind.Training, Name = Text(120), ObtainedOn = Day, ExpiresOn = Day,
        }));
        return record;
    }

    private static AssignOfficersRequest Assignment()
    {
        var request = new AssignOfficersRequest { RequestId = Text(64), Id = Id() };
        request.OfficerIds.Add(Enumerable.Range(0, 1_000).Select(_ => Id()));
        return request;
    }

    private static CreateRequisitionRequest Requisition()
    {
        var request = new CreateRequisitionRequest
        {
            RequestId = Text(64), RequestingContingentId = Id(), DestinationSiteId = Id(), Priority = RequisitionPriority.Urgent,
            NeededBy = Day, Justification = Text(500),
        };
        request.Lines.Add(Enumerable.Range(0, 100).Select(_ => new RequisitionLineInput { ItemId = Id(), Quantity = 10_000_000 }));
        return request;
    }
}
