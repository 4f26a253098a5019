using Coordination.Auth;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Xunit;
using static Coordination.Tests.Personnel.PersonnelDesk;

namespace Coordination.Tests.Personnel;

/// <summary>Officers through the gateway: registration, vetting in order, screening, qualifications, and who may see them.</summary>
public sealed class OfficerApiTests(PersonnelFixture fixture) : IClassFixture<PersonnelFixture>
{
    private readonly PersonnelDesk kenya = new(fixture.Suite, TestTokens.For("KEN", Roles.Contributor));
    private readonly PersonnelDesk mission = new(fixture.Suite, TestTokens.For("HTI", Roles.MissionAdmin));

    /// <summary>Kenya records its own certification; the mission vets the other stages.</summary>
    private Task<Officer> VetAsync(Officer officer, VettingStage stage, bool passed, Coordination.Common.V1.Date on) =>
        (stage == VettingStage.NationCertification ? kenya : mission).Officers.RecordVettingResultAsync(new RecordVettingResultRequest
        {
            RequestId = NewId(), OfficerId = officer.Id, Result = new VettingResult { Stage = stage, Passed = passed, On = on },
        }).ResponseAsync;

    [Fact]
    public async Task A_registered_officer_starts_in_vetting_and_a_retry_registers_no_one_twice()
    {
        var request = new RegisterOfficerRequest { RequestId = NewId(), NationCode = "KEN", Officer = Record(Gender.Female, vetted: false) };

        var officer = await kenya.Officers.RegisterOfficerAsync(request);
        var retry = await kenya.Officers.RegisterOfficerAsync(request);

        Assert.Equal(officer, retry);
        Assert.Equal((OfficerStatus.InVetting, VettingStage.NationCertification, false), (officer.Status, officer.NextVettingStage, officer.Vetted));
        Assert.Equal(Day(1990, 5, 17), officer.DateOfBirth);
        Assert.Equal(officer, await kenya.OfficerAsync(officer.Id));
        var again = new RegisterOfficerRequest { RequestId = NewId(), NationCode = "KEN", Officer = Record(vetted: false, serviceNumber: request.Officer.ServiceNumber.ToLowerInvariant()) };
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => kenya.Officers.RegisterOfficerAsync(again).ResponseAsync);
    }

    [Fact]
    public async Task Vetting_stages_pass_in_order_and_the_officer_is_vetted_once_screened()
    {
        var officer = await kenya.RegisterAsync("KEN", Record(vetted: false));

        foreach (var (stage, i) in new[] { VettingStage.NationCertification, VettingStage.Language, VettingStage.Interview, VettingStage.Driving, VettingStage.Firearms }.Select((s, i) => (s, i)))
        {
            officer = await VetAsync(officer, stage, passed: true, Day(2025, 2, 1 + i));
        }
        Assert.Equal((VettingStage.Unspecified, false, OfficerStatus.InVetting), (officer.NextVettingStage, officer.Vetted, officer.Status));

        officer = await mission.Officers.RecordHumanRightsScreeningAsync(new RecordHumanRightsScreeningRequest
        {
            RequestId = NewId(), OfficerId = officer.Id, Screening = new HumanRightsScreening { Result = ScreeningResult.Cleared, On = Day(2025, 2, 10) },
        });
        Assert.Equal((true, OfficerStatus.Vetted), (officer.Vetted, officer.Status));
        Assert.Equal(5, officer.Vetting.Count);
    }

    [Fact]
    public async Task A_stage_before_the_previous_one_passed_is_refused_a_passed_stage_is_final_and_a_failed_one_may_be_retaken()
    {
        var officer = await kenya.RegisterAsync("KEN", Record(vetted: false));

        var early = await RpcAssert.FailedPrecondition(() => VetAsync(officer, VettingStage.Language, true, Day(2025, 2, 1)), "VETTING_ORDER");
        Assert.Contains("VETTING_STAGE_LANGUAGE can be recorded only after VETTING_STAGE_NATION_CERTIFICATION has passed", early.Violations[0].Description, StringComparison.Ordinal);

        officer = await VetAsync(officer, VettingStage.NationCertification, true, Day(2025, 2, 1));
        await RpcAssert.FailedPrecondition(() => VetAsync(officer, VettingStage.NationCertification, true, Day(2025, 2, 2)), "VETTING_STAGE_PASSED");
        officer = await VetAsync(officer, VettingStage.Language, false, Day(2025, 2, 3));
        Assert.Equal((OfficerStatus.NotCleared, VettingStage.Language), (officer.Status, officer.NextVettingStage));
        await RpcAssert.FailedPrecondition(() => VetAsync(officer, VettingStage.Interview, true, Day(2025, 2, 4)), "VETTING_ORDER");
        officer = await VetAsync(officer, VettingStage.Language, true, Day(2025, 3, 3));
        Assert.Equal((OfficerStatus.InVetting, VettingStage.Interview), (officer.Status, officer.NextVettingStage));
        Assert.Equal([true, false, true], officer.Vetting.Select(v => v.Passed));
    }

    [Fact]
    public async Task A_screening_that_does_not_clear_the_officer_keeps_them_from_being_vetted()
    {
        var officer = await mission.RegisterAsync("KEN", Record());
        Assert.Equal(OfficerStatus.Vetted, officer.Status);

        officer = await mission.Officers.RecordHumanRightsScreeningAsync(new RecordHumanRightsScreeningRequest
        {
            RequestId = NewId(), OfficerId = officer.Id, Screening = new HumanRightsScreening { Result = ScreeningResult.NotCleared, On = Day(2025, 4, 1) },
        });

        Assert.Equal((false, OfficerStatus.NotCleared), (officer.Vetted, officer.Status));
    }

    [Fact]
    public async Task A_credential_recorded_again_replaces_the_earlier_one_with_its_new_expiry()
    {
        var officer = await kenya.RegisterAsync("KEN", Record(vetted: false));
        async Task<Officer> Credential(int year) => await kenya.Officers.RecordQualificationAsync(new RecordQualificationRequest
        {
            RequestId = NewId(), OfficerId = officer.Id,
            Qualification = new Qualification { Kind = QualificationKind.Credential, Name = "Firearms certificate", ObtainedOn = Day(year, 1, 5), ExpiresOn = Day(year + 2, 1, 4) },
        });

        await Credential(2023);
        var renewed = await Credential(2025);

        var firearms = Assert.Single(renewed.Qualifications, q => q.Name == "Firearms certificate");
        Assert.Equal(Day(2027, 1, 4), firearms.ExpiresOn);
        Assert.Equal(2, renewed.Qualifications.Count);
        await RpcAssert.InvalidFields(() => kenya.Officers.RecordQualificationAsync(new RecordQualificationRequest
        {
            RequestId = NewId(), OfficerId = officer.Id,
            Qualification = new Qualification { Kind = QualificationKind.Credential, Name = "Driving licence", ObtainedOn = Day(2025, 1, 5), ExpiresOn = Day(2024, 1, 5) },
        }).ResponseAsync, "qualification.expires_on");
    }

    [Fact]
    public async Task Every_bad_field_of_an_officer_is_named_and_nothing_is_registered()
    {
        var record = Record();
        record.ServiceNumber = "no spaces allowed";
        record.Gender = Gender.Unspecified;
        record.DateOfBirth = Day(2999, 1, 1);
        record.Languages.Add("English");
        record.Vetting.Clear();
        record.Vetting.Add(new VettingResult { Stage = VettingStage.Interview, Passed = true, On = Day(2025, 1, 1) });
        record.HumanRightsScreening = new HumanRightsScreening { Result = ScreeningResult.Unspecified, On = Day(2025, 1, 1) };

        await RpcAssert.InvalidFields(() => mission.Officers.RegisterOfficerAsync(new RegisterOfficerRequest { RequestId = NewId(), NationCode = "KEN", Officer = record }).ResponseAsync,
            "officer.service_number", "officer.gender", "officer.date_of_birth", "officer.languages[2]", "officer.vetting[0].stage", "officer.human_rights_screening.result");
        var listed = await kenya.Officers.ListOfficersAsync(new ListOfficersRequest());
        Assert.DoesNotContain(listed.Officers, o => o.ServiceNumber == record.ServiceNumber.ToUpperInvariant());
    }

    [Fact]
    public async Task An_observer_cannot_read_officers_nor_how_many_are_in_vetting_which_their_nation_and_the_mission_read()
    {
        var officer = await mission.RegisterAsync("KEN", Record(Gender.Female));
        var observer = new PersonnelDesk(fixture.Suite, TestTokens.For("CAN", Roles.Observer));
        var diplomat = new PersonnelDesk(fixture.Suite, TestTokens.For("HTI", Roles.Diplomat));

        var denied = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => observer.Officers.GetOfficerAsync(new GetOfficerRequest { Id = officer.Id }).ResponseAsync);
        Assert.Contains("GetOfficer", denied.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => observer.Officers.ListOfficersAsync(new ListOfficersRequest()).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => diplomat.Officers.GetOfficerAsync(new GetOfficerRequest { Id = officer.Id }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => observer.Officers.RecordHumanRightsScreeningAsync(new RecordHumanRightsScreeningRequest
        {
            RequestId = NewId(), OfficerId = officer.Id, Screening = new HumanRightsScreening { Result = ScreeningResult.NotCleared, On = Day(2025, 4, 1) },
        }).ResponseAsync);

        var seen = await observer.NationAsync("KEN");
        Assert.False(seen.OwnFigures);
        Assert.Null(seen.Officers);
        foreach (var reader in new[] { kenya, mission })
        {
            var kenyan = await reader.NationAsync("KEN");
            Assert.True(kenyan.OwnFigures);
            Assert.True(kenyan.Officers.Vetted >= 1);
            Assert.True(kenyan.Officers.Registered >= kenyan.Officers.Vetted);
        }
    }

    [Fact]
    public async Task A_contributor_cannot_register_read_or_vet_another_nations_officers()
    {
        var jamaica = new PersonnelDesk(fixture.Suite, TestTokens.For("JAM", Roles.Contributor));
        var jamaican = await jamaica.RegisterAsync("JAM", Record(vetted: false));

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => kenya.RegisterAsync("JAM", Record()));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => kenya.OfficerAsync(jamaican.Id));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => VetAsync(jamaican, VettingStage.NationCertification, true, Day(2025, 1, 1)));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => kenya.Officers.ListOfficersAsync(new ListOfficersRequest { NationCode = "JAM" }).ResponseAsync);
        var mine = await kenya.Officers.ListOfficersAsync(new ListOfficersRequest { Page = new Coordination.Common.V1.PageRequest { PageSize = 500 } });
        Assert.All(mine.Officers, o => Assert.Equal("KEN", o.NationCode));
        Assert.Empty((await jamaica.OfficerAsync(jamaican.Id)).Vetting);
    }

    [Fact]
    public async Task A_contributor_records_its_nations_certification_but_not_the_missions_vetting_stages()
    {
        var officer = await kenya.RegisterAsync("KEN", Record(vetted: false));
        officer = await VetAsync(officer, VettingStage.NationCertification, passed: true, Day(2025, 2, 1));

        var refused = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => kenya.Officers.RecordVettingResultAsync(new RecordVettingResultRequest
        {
            RequestId = NewId(), OfficerId = officer.Id, Result = new VettingResult { Stage = VettingStage.Language, Passed = true, On = Day(2025, 2, 2) },
        }).ResponseAsync);

        Assert.Contains("VETTING_STAGE_LANGUAGE", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(VettingStage.Language, (await kenya.OfficerAsync(officer.Id)).NextVettingStage);
        var vetted = await VetAsync(officer, VettingStage.Language, passed: true, Day(2025, 2, 2));
        Assert.Equal(VettingStage.Interview, vetted.NextVettingStage);
    }

    [Fact]
    public async Task A_contributor_cannot_register_an_officer_it_vetted_or_screened_itself_and_nothing_is_registered()
    {
        var vetted = Record();
        var screened = Record(vetted: false);
        screened.HumanRightsScreening = new HumanRightsScreening { Result = ScreeningResult.Cleared, On = Day(2025, 1, 9) };

        var stages = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => kenya.RegisterAsync("KEN", vetted));
        var screening = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => kenya.RegisterAsync("KEN", screened));

        Assert.Contains("VETTING_STAGE_LANGUAGE", stages.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("human_rights_screening", screening.Status.Detail, StringComparison.Ordinal);
        // Nothing was registered: the mission registers the same officers now, and Kenya its own certified one.
        Assert.Equal(OfficerStatus.Vetted, (await mission.RegisterAsync("KEN", vetted)).Status);
        Assert.Equal(OfficerStatus.InVetting, (await mission.RegisterAsync("KEN", screened)).Status);
        var certified = Record(vetted: false);
        certified.Vetting.Add(new VettingResult { Stage = VettingStage.NationCertification, Passed = true, On = Day(2025, 1, 10) });
        Assert.Equal(VettingStage.Language, (await kenya.RegisterAsync("KEN", certified)).NextVettingStage);
    }

    [Fact]
    public async Task Only_the_mission_records_a_human_rights_screening()
    {
        var officer = await kenya.RegisterAsync("KEN", Record(vetted: false));
        RecordHumanRightsScreeningRequest Screening() => new()
        {
            RequestId = NewId(), OfficerId = officer.Id, Screening = new HumanRightsScreening { Result = ScreeningResult.Cleared, On = Day(2025, 2, 1) },
        };

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => kenya.Officers.RecordHumanRightsScreeningAsync(Screening()).ResponseAsync);

        Assert.Equal(ScreeningResult.Unspecified, (await kenya.OfficerAsync(officer.Id)).HumanRightsScreening.Result);
        Assert.Equal(ScreeningResult.Cleared, (await mission.Officers.RecordHumanRightsScreeningAsync(Screening())).HumanRightsScreening.Result);
    }

    [Fact]
    public async Task Vetting_screening_and_training_dated_before_the_officers_18th_birthday_are_refused()
    {
        var officer = await kenya.RegisterAsync("KEN", Record(vetted: false)); // born 1990-05-17

        await RpcAssert.InvalidFields(() => VetAsync(officer, VettingStage.NationCertification, true, Day(1900, 1, 1)), "result.on");
        await RpcAssert.InvalidFields(() => VetAsync(officer, VettingStage.NationCertification, true, Day(2008, 5, 16)), "result.on");
        await RpcAssert.InvalidFields(() => mission.Officers.RecordHumanRightsScreeningAsync(new RecordHumanRightsScreeningRequest
        {
            RequestId = NewId(), OfficerId = officer.Id, Screening = new HumanRightsScreening { Result = ScreeningResult.Cleared, On = Day(1900, 1, 1) },
        }).ResponseAsync, "screening.on");
        await RpcAssert.InvalidFields(() => kenya.Officers.RecordQualificationAsync(new RecordQualificationRequest
        {
            RequestId = NewId(), OfficerId = officer.Id, Qualification = new Qualification { Kind = QualificationKind.Training, Name = "Basic", ObtainedOn = Day(1900, 1, 1) },
        }).ResponseAsync, "qualification.obtained_on");
        var early = Record(vetted: false);
        early.Vetting.Add(new VettingResult { Stage = VettingStage.NationCertification, Passed = true, On = Day(1900, 1, 1) });
        early.Qualifications[0].ObtainedOn = Day(1950, 1, 1);
        await RpcAssert.InvalidFields(() => kenya.RegisterAsync("KEN", early), "officer.vetting[0].on", "officer.qualifications[0].obtained_on");

        var unchanged = await kenya.OfficerAsync(officer.Id);
        Assert.Equal((0, ScreeningResult.Unspecified), (unchanged.Vetting.Count, unchanged.HumanRightsScreening.Result));
        Assert.Single(unchanged.Qualifications);
        Assert.Single((await VetAsync(officer, VettingStage.NationCertification, true, Day(2008, 5, 17))).Vetting);
    }

    [Fact]
    public async Task A_record_over_the_message_limit_is_refused_by_its_size_and_one_under_it_at_once_by_its_counts()
    {
        static RegisterOfficerRequest Officer(int languages, int qualifications, int vetting)
        {
            var record = Record(vetted: false);
            record.Languages.Clear();
            record.Languages.Add(Enumerable.Repeat("en", languages));
            record.Qualifications.Add(Enumerable.Range(0, qualifications).Select(_ => new Qualification { Kind = QualificationKind.Training, Name = "Same", ObtainedOn = Day(2025, 1, 1) }));
            record.Vetting.Add(Enumerable.Range(0, vetting).Select(_ => new VettingResult { Stage = VettingStage.NationCertification, Passed = false, On = Day(2025, 1, 1) }));
            return new RegisterOfficerRequest { RequestId = NewId(), NationCode = "KEN", Officer = record };
        }
        // How long such refusals take is measured by bench/Coordination.Bench.Edge (docs/benchmarks.md), not asserted here.
        await RpcAssert.FailsWith(StatusCode.ResourceExhausted,
            () => kenya.Officers.RegisterOfficerAsync(Officer(100_000, 20_000, 20_000), deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync);
        await RpcAssert.InvalidFields(() => kenya.Officers.RegisterOfficerAsync(Officer(5_000, 1_000, 1_000), deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync,
            "officer.languages", "officer.qualifications", "officer.vetting");
    }
}
