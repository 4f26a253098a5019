using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Contracts;
using Coordination.Errors;
using Coordination.Hosting;
using Coordination.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;
using DiplomacyV1 = Coordination.Diplomacy.V1;
using FinanceV1 = Coordination.Finance.V1;
using LogisticsV1 = Coordination.Logistics.V1;
using PersonnelV1 = Coordination.Personnel.V1;

namespace Coordination.Tests.Security;

/// <summary>
/// The "own nation" column of the matrix, RPC by RPC: for every RPC a contributor may call only for its own nation,
/// Kenya's records are asked for by Jamaica's contributor (refused, or answered without them) and by Kenya's (admitted).
/// Each RPC with an own-nation row needs a probe here, so a new one cannot go unchecked.
/// </summary>
public sealed class OwnNationTests(FullSuiteFixture fixture) : IClassFixture<FullSuiteFixture>
{
    private const string Own = "KEN";
    private const string Other = "JAM";

    /// <summary>Rows whose other-nation answer is public figures rather than a refusal, checked where those figures are specified.</summary>
    private static readonly Dictionary<string, string> PublicPartElsewhere = new()
    {
        ["/coordination.personnel.v1.ForceStrengthService/GetStrengthReport"] =
            "StrengthReportTests.Every_role_sees_a_nations_officers_pledged_and_deployed_but_only_the_nation_and_the_mission_see_the_rest_of_its_figures",
        ["/coordination.personnel.v1.ForceStrengthService/StreamStrength"] = "the same report as GetStrengthReport, streamed (StrengthReportTests)",
    };

    private SuiteHost Suite => fixture.Suite;

    [Fact]
    public async Task Every_rpc_a_nation_calls_for_itself_refuses_or_hides_another_nations_records_and_admits_its_own()
    {
        var kenya = await KenyasRecordsAsync();
        var probes = Probes(kenya);
        var ownRows = AccessMatrix.Tables.Values.SelectMany(t => t.Rules)
            .Where(r => r.OwnNation.Contains(Roles.Contributor) && !r.AnyNation.Contains(Roles.Contributor))
            .Select(r => r.Method).ToList();
        var unprobed = ownRows.Where(m => !probes.ContainsKey(m) && !PublicPartElsewhere.ContainsKey(m)).ToList();
        Assert.True(unprobed.Count == 0, $"Own-nation RPCs without a probe: {string.Join(", ", unprobed)}");

        using var channel = GrpcChannel.ForAddress(Suite.Gateway!.GrpcAddress());
        var invoker = channel.CreateCallInvoker();
        var jamaica = TestTokens.For(Other, Roles.Contributor);
        var kenyan = TestTokens.For(Own, Roles.Contributor);
        var wrong = new List<string>();
        // Jamaica first, on records no call has changed yet; then Kenya, whose own writes may change them.
        foreach (var (method, probe) in probes)
        {
            var descriptor = PublicContract.Methods.Single(m => PublicContract.PathOf(m) == method);
            var (status, answer) = await AccessMatrix.CallForAnswerAsync(invoker, descriptor, probe.Request(), jamaica);
            if (probe.Secrets.Length > 0)
            {
                if (status.StatusCode != StatusCode.OK || probe.Secrets.Any(secret => answer!.Contains(secret, StringComparison.Ordinal)))
                {
                    wrong.Add($"{Other} → {method}: expected an answer without {Own}'s record, got {status.StatusCode} {status.Detail} {Cut(answer)}");
                }
            }
            else if (status.StatusCode != StatusCode.PermissionDenied)
            {
                wrong.Add($"{Other} → {method}: expected PERMISSION_DENIED, got {status.StatusCode} {status.Detail}");
            }
        }
        foreach (var (method, probe) in probes)
        {
            var descriptor = PublicContract.Methods.Single(m => PublicContract.PathOf(m) == method);
            var (status, answer) = await AccessMatrix.CallForAnswerAsync(invoker, descriptor, probe.Request(), kenyan);
            if (status.StatusCode is StatusCode.PermissionDenied or StatusCode.Internal or StatusCode.Unknown or StatusCode.Unavailable)
            {
                wrong.Add($"{Own} → {method}: expected admitted, got {status.StatusCode} {status.Detail}");
            }
            else if (probe.Secrets.Any(secret => answer?.Contains(secret, StringComparison.Ordinal) != true))
            {
                wrong.Add($"{Own} → {method}: expected its own record in the answer, got {status.StatusCode} {Cut(answer)}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static string Cut(string? text) => Refusals.Cut(text ?? "", 300);

    /// <summary>
    /// A request naming Kenya's record, and, for a list that filters rather than refuses, what must not show (and, for a
    /// record partly hidden, what else of it must not).
    /// </summary>
    private sealed record Probe(Func<IMessage> Request, string? Hidden = null, string? AlsoHidden = null)
    {
        public string[] Secrets => new[] { Hidden, AlsoHidden }.OfType<string>().ToArray();
    }

    private sealed record KenyasRecords(
        string Pledge, string Officer, string Contingent, string Relief, string EquipmentLine, string Requisition, string RequisitionLine,
        string Justification, string InKindPledge, string Contribution, string Agreement, string Commitment, string Appeal);

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static Date Day(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    private static Date Today => Day(DateOnly.FromDateTime(DateTime.UtcNow));

    private static Dictionary<string, Probe> Probes(KenyasRecords k) => new()
    {
        ["/coordination.personnel.v1.PledgeService/CreatePledge"] = new(() => new PersonnelV1.CreatePledgeRequest
        {
            RequestId = NewId(), NationCode = Own, UnitType = PersonnelV1.UnitType.IndividualPoliceOfficers, OfficerCount = 10,
        }),
        ["/coordination.personnel.v1.PledgeService/GetPledge"] = new(() => new PersonnelV1.GetPledgeRequest { Id = k.Pledge }),
        ["/coordination.personnel.v1.PledgeService/ListPledges"] = new(() => new PersonnelV1.ListPledgesRequest { NationCode = Own }),
        ["/coordination.personnel.v1.PledgeService/RevisePledge"] = new(() => new PersonnelV1.RevisePledgeRequest
        {
            RequestId = NewId(), Id = k.Pledge, UnitType = PersonnelV1.UnitType.FormedPoliceUnit, OfficerCount = 140, Reason = "A second unit",
        }),
        ["/coordination.personnel.v1.PledgeService/RecordPledgeEvidence"] = new(() => new PersonnelV1.RecordPledgeEvidenceRequest
        {
            RequestId = NewId(), Id = k.Pledge, DeployableWithinDays = 90,
        }),
        ["/coordination.personnel.v1.PledgeService/RenewPledge"] = new(() => new PersonnelV1.RenewPledgeRequest { RequestId = NewId(), Id = k.Pledge }),
        ["/coordination.personnel.v1.PledgeService/WithdrawPledge"] = new(() => new PersonnelV1.WithdrawPledgeRequest
        {
            RequestId = NewId(), Id = k.Pledge, Reason = "Needed at home",
        }),
        ["/coordination.personnel.v1.PledgeService/ListPledgeVersions"] = new(() => new PersonnelV1.ListPledgeVersionsRequest { Id = k.Pledge }),
        ["/coordination.personnel.v1.PledgeService/ListExpectedPledges"] = new(() => new PersonnelV1.ListExpectedPledgesRequest { NationCode = Own }),
        ["/coordination.logistics.v1.LogisticsReportService/GetArrivalNeeds"] = new(() => new LogisticsV1.GetArrivalNeedsRequest { NationCode = Own }),
        // Every partner reads an appeal: the mission's figures, and only its own nation's line.
        ["/coordination.diplomacy.v1.AppealService/GetAppeal"] = new(() => new DiplomacyV1.GetAppealRequest { Id = k.Appeal }, Hidden: $"\"{Own}\""),
        ["/coordination.diplomacy.v1.AppealService/ListAppeals"] = new(() => new DiplomacyV1.ListAppealsRequest(), Hidden: $"\"{Own}\""),
        ["/coordination.personnel.v1.OfficerService/RegisterOfficer"] = new(() => new PersonnelV1.RegisterOfficerRequest
        {
            RequestId = NewId(), NationCode = Own, Officer = Coordination.Tests.Personnel.PersonnelDesk.Record(vetted: false),
        }),
        ["/coordination.personnel.v1.OfficerService/GetOfficer"] = new(() => new PersonnelV1.GetOfficerRequest { Id = k.Officer }),
        ["/coordination.personnel.v1.OfficerService/ListOfficers"] = new(() => new PersonnelV1.ListOfficersRequest { NationCode = Own }),
        ["/coordination.personnel.v1.OfficerService/ImportRoster"] = new(() => new PersonnelV1.ImportRosterRequest
        {
            Header = new PersonnelV1.ImportRosterHeader { NationCode = Own },
        }),
        ["/coordination.personnel.v1.OfficerService/RecordVettingResult"] = new(() => new PersonnelV1.RecordVettingResultRequest
        {
            RequestId = NewId(), OfficerId = k.Officer,
            Result = new PersonnelV1.VettingResult { Stage = PersonnelV1.VettingStage.NationCertification, Passed = true, On = Day(new DateOnly(2025, 1, 10)) },
        }),
        ["/coordination.personnel.v1.OfficerService/RecordQualification"] = new(() => new PersonnelV1.RecordQualificationRequest
        {
            RequestId = NewId(), OfficerId = k.Officer,
            Qualification = new PersonnelV1.Qualification
            {
                Kind = PersonnelV1.QualificationKind.Training, Name = "Crowd management", ObtainedOn = Day(new DateOnly(2025, 2, 1)),
            },
        }),
        ["/coordination.personnel.v1.ContingentService/CreateContingent"] = new(() => new PersonnelV1.CreateContingentRequest
        {
            RequestId = NewId(), NationCode = Own, Name = $"KEN unit {NewId()[..6]}", UnitType = PersonnelV1.UnitType.FormedPoliceUnit,
            OfficerCount = 20, TourMonths = 12,
        }),
        ["/coordination.personnel.v1.ContingentService/GetContingent"] = new(() => new PersonnelV1.GetContingentRequest { Id = k.Contingent }),
        ["/coordination.personnel.v1.ContingentService/ListContingents"] = new(() => new PersonnelV1.ListContingentsRequest { NationCode = Own }),
        ["/coordination.personnel.v1.ContingentService/ChangeContingentStatus"] = new(() => new PersonnelV1.ChangeContingentStatusRequest
        {
            RequestId = NewId(), Id = k.Contingent, Status = PersonnelV1.ContingentStatus.Assigned,
        }),
        ["/coordination.personnel.v1.ContingentService/AssignOfficers"] = new(() => new PersonnelV1.AssignOfficersRequest
        {
            RequestId = NewId(), Id = k.Contingent, OfficerIds = { k.Officer },
        }),
        ["/coordination.personnel.v1.ContingentService/ReleaseOfficers"] = new(() => new PersonnelV1.ReleaseOfficersRequest
        {
            RequestId = NewId(), Id = k.Contingent, OfficerIds = { k.Officer },
        }),
        ["/coordination.personnel.v1.ContingentService/ScheduleRotation"] = new(() => new PersonnelV1.ScheduleRotationRequest
        {
            RequestId = NewId(), OutgoingContingentId = k.Contingent, IncomingContingentId = k.Relief,
            IncomingArrivesOn = Day(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30)),
            OutgoingDepartsOn = Day(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40)),
        }),
        ["/coordination.personnel.v1.ContingentService/ListRotations"] = new(() => new PersonnelV1.ListRotationsRequest { NationCode = Own }),
        ["/coordination.personnel.v1.ContingentService/SetContingentCommand"] = new(() => new PersonnelV1.SetContingentCommandRequest
        {
            RequestId = NewId(), Id = k.Contingent, Commander = "Commissioner G. Otieno", HomeUnit = "General Service Unit",
        }),
        ["/coordination.personnel.v1.ForceStrengthService/GetDueReport"] = new(() => new PersonnelV1.GetDueReportRequest { Days = 30, NationCode = Own }),
        ["/coordination.logistics.v1.RequisitionService/RecordInKindPledge"] = new(() => new LogisticsV1.RecordInKindPledgeRequest
        {
            RequestId = NewId(), RequisitionId = k.Requisition, LineId = k.RequisitionLine, NationCode = Own, Quantity = 1,
            Value = new Money { CurrencyCode = "USD", Units = 100 }, Description = "Tents",
        }),
        ["/coordination.logistics.v1.RequisitionService/ListInKindPledges"] = new(
            () => new LogisticsV1.ListInKindPledgesRequest { RequisitionId = k.Requisition }, Hidden: k.InKindPledge),
        ["/coordination.logistics.v1.EquipmentService/GetEquipmentLine"] = new(() => new LogisticsV1.GetEquipmentLineRequest { Id = k.EquipmentLine }),
        ["/coordination.logistics.v1.EquipmentService/ListEquipmentLines"] = new(() => new LogisticsV1.ListEquipmentLinesRequest { NationCode = Own }),
        ["/coordination.logistics.v1.EquipmentService/ListInspections"] = new(() => new LogisticsV1.ListInspectionsRequest { EquipmentLineId = k.EquipmentLine }),
        ["/coordination.logistics.v1.LogisticsReportService/GetServiceabilityReport"] = new(
            () => new LogisticsV1.GetServiceabilityReportRequest { NationCode = Own }),
        // A partner reads the mission's needs, but not which of another nation's units asked.
        ["/coordination.logistics.v1.RequisitionService/GetRequisition"] = new(
            () => new LogisticsV1.GetRequisitionRequest { Id = k.Requisition }, Hidden: k.Contingent, AlsoHidden: k.Justification),
        ["/coordination.logistics.v1.RequisitionService/ListRequisitions"] = new(
            () => new LogisticsV1.ListRequisitionsRequest(), Hidden: k.Contingent, AlsoHidden: k.Justification),
        ["/coordination.finance.v1.ContributionService/RecordContribution"] = new(() => new FinanceV1.RecordContributionRequest
        {
            RequestId = NewId(), DonorNationCode = Own, Amount = new Money { CurrencyCode = "USD", Units = 1_000 },
            Channel = FinanceV1.Channel.TrustFund, DecidedOn = Today,
        }),
        ["/coordination.finance.v1.ContributionService/GetContribution"] = new(() => new FinanceV1.GetContributionRequest { Id = k.Contribution }),
        ["/coordination.finance.v1.ContributionService/ListContributions"] = new(() => new FinanceV1.ListContributionsRequest { DonorNationCode = Own }),
        ["/coordination.finance.v1.ContributionService/ListContributionVersions"] = new(
            () => new FinanceV1.ListContributionVersionsRequest { Id = k.Contribution }),
        ["/coordination.finance.v1.ContributionService/TraceContribution"] = new(() => new FinanceV1.TraceContributionRequest { Id = k.Contribution }),
        ["/coordination.finance.v1.FinanceReportService/GetDonorReport"] = new(() => new FinanceV1.GetDonorReportRequest { DonorNationCode = Own }),
        ["/coordination.finance.v1.FinanceReportService/GetReimbursementReport"] = new(
            () => new FinanceV1.GetReimbursementReportRequest { NationCode = Own }),
        ["/coordination.diplomacy.v1.AgreementService/GetAgreement"] = new(() => new DiplomacyV1.GetAgreementRequest { Id = k.Agreement }),
        ["/coordination.diplomacy.v1.AgreementService/ListAgreements"] = new(() => new DiplomacyV1.ListAgreementsRequest { NationCode = Own }),
        ["/coordination.diplomacy.v1.CommitmentService/GetCommitment"] = new(() => new DiplomacyV1.GetCommitmentRequest { Id = k.Commitment }),
        ["/coordination.diplomacy.v1.CommitmentService/ListCommitments"] = new(() => new DiplomacyV1.ListCommitmentsRequest { NationCode = Own }),
        ["/coordination.diplomacy.v1.PartnerService/GetPartnerBrief"] = new(() => new DiplomacyV1.GetPartnerBriefRequest { NationCode = Own }),
    };

    /// <summary>One record of each kind that is Kenya's own, made the way the suite makes them (the nation declares, the mission records).</summary>
    private async Task<KenyasRecords> KenyasRecordsAsync()
    {
        var kenya = TestTokens.For(Own, Roles.Contributor);
        var logisticsOfficer = TestTokens.For("HTI", Roles.LogisticsOfficer);
        var diplomat = TestTokens.For("HTI", Roles.Diplomat);

        var pledge = await Suite.ViaGateway<PersonnelV1.PledgeService.PledgeServiceClient>(kenya).CreatePledgeAsync(new PersonnelV1.CreatePledgeRequest
        {
            RequestId = NewId(), NationCode = Own, UnitType = PersonnelV1.UnitType.FormedPoliceUnit, OfficerCount = 120,
        });
        var officer = await Suite.ViaGateway<PersonnelV1.OfficerService.OfficerServiceClient>(kenya).RegisterOfficerAsync(new PersonnelV1.RegisterOfficerRequest
        {
            RequestId = NewId(), NationCode = Own, Officer = Coordination.Tests.Personnel.PersonnelDesk.Record(vetted: false),
        });
        var contingents = Suite.ViaGateway<PersonnelV1.ContingentService.ContingentServiceClient>(kenya);
        PersonnelV1.CreateContingentRequest Unit(string name) => new()
        {
            RequestId = NewId(), NationCode = Own, Name = $"{name} {NewId()[..6]}", UnitType = PersonnelV1.UnitType.FormedPoliceUnit,
            OfficerCount = 120, TourMonths = 12,
        };
        var contingent = await contingents.CreateContingentAsync(Unit("Kenya FPU 1"));
        var relief = await contingents.CreateContingentAsync(Unit("Kenya FPU 2"));

        var equipment = Suite.ViaGateway<LogisticsV1.EquipmentService.EquipmentServiceClient>(logisticsOfficer);
        // Logistics learns of the contingent from personnel's event.
        var line = (await Eventually.Get<LogisticsV1.EquipmentLine?>(async () =>
        {
            try
            {
                return await equipment.CreateEquipmentLineAsync(new LogisticsV1.CreateEquipmentLineRequest
                {
                    RequestId = NewId(), ContingentId = contingent.Id, NationCode = Own, Description = "Armoured personnel carrier",
                    Category = LogisticsV1.EquipmentCategory.MajorEquipment, Quantity = 4, LeaseType = LogisticsV1.LeaseType.Wet,
                });
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, l => l is not null, what: "logistics to know Kenya's contingent"))!;
        var desk = new Coordination.Tests.Logistics.LogisticsDesk(new Coordination.Tests.Logistics.SuiteGatewayClients(Suite, logisticsOfficer), contingent.Id);
        var site = await desk.SiteAsync(LogisticsV1.SiteStatus.Secured);
        var requisition = await desk.RequisitionAsync(site.Id, (await desk.ItemAsync(), 50));
        await desk.ChangeAsync(requisition, LogisticsV1.RequisitionStatus.Submitted);
        var inKind = await Suite.ViaGateway<LogisticsV1.RequisitionService.RequisitionServiceClient>(kenya).RecordInKindPledgeAsync(
            new LogisticsV1.RecordInKindPledgeRequest
            {
                RequestId = NewId(), RequisitionId = requisition.Id, LineId = requisition.Lines[0].Id, NationCode = Own, Quantity = 5,
                Value = new Money { CurrencyCode = "USD", Units = 2_000 }, Description = "Field tents",
            });

        var contribution = await Suite.ViaGateway<FinanceV1.ContributionService.ContributionServiceClient>(TestTokens.For("HTI", Roles.FinanceOfficer))
            .RecordContributionAsync(new FinanceV1.RecordContributionRequest
            {
                RequestId = NewId(), DonorNationCode = Own, Amount = new Money { CurrencyCode = "USD", Units = 5_000_000 },
                Channel = FinanceV1.Channel.TrustFund, DecidedOn = Today,
            });
        var agreement = await Suite.ViaGateway<DiplomacyV1.AgreementService.AgreementServiceClient>(diplomat).CreateAgreementAsync(new DiplomacyV1.CreateAgreementRequest
        {
            RequestId = NewId(), Kind = DiplomacyV1.AgreementKind.StatusOfForces, Title = "Status of Kenyan police in Haiti", PartyNationCodes = { Own, "HTI" },
        });
        var commitment = await Suite.ViaGateway<DiplomacyV1.CommitmentService.CommitmentServiceClient>(diplomat).AnnounceCommitmentAsync(new DiplomacyV1.AnnounceCommitmentRequest
        {
            RequestId = NewId(), NationCode = Own, Kind = DiplomacyV1.CommitmentKind.Personnel, Description = "600 more officers",
            AnnouncedOn = Today, DueOn = Day(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60)), Officers = 600,
        });

        var appeal = await Suite.ViaGateway<DiplomacyV1.AppealService.AppealServiceClient>(diplomat).IssueAppealAsync(new DiplomacyV1.IssueAppealRequest
        {
            RequestId = NewId(), Message = "Partners are asked to honour their commitments",
        });

        return new KenyasRecords(pledge.Id, officer.Id, contingent.Id, relief.Id, line.Id, requisition.Id, requisition.Lines[0].Id,
            requisition.Justification, inKind.Id, contribution.Id, agreement.Id, commitment.Id, appeal.Id);
    }
}
