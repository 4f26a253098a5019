using Coordination.Errors;
using Coordination.Personnel;
using Coordination.Personnel.Officers;
using Coordination.Personnel.Pledges;
using Coordination.Personnel.V1;
using PledgeEvidence = Coordination.Personnel.Pledges.PledgeEvidence;
using Xunit;

namespace Coordination.Tests.Personnel;

/// <summary>The rules personnel keeps in one place each: readiness gates, vetting order, renewal dates, age on a day.</summary>
public sealed class PersonnelRulesTests
{
    private static readonly DateOnly Visit = new(2025, 3, 4);
    private static readonly DateOnly Verified = new(2025, 5, 20);
    private static readonly DateOnly Confirmed = new(2025, 6, 1);

    public static TheoryData<PledgeEvidence, ReadinessLevel> Gates => new()
    {
        { new PledgeEvidence(), ReadinessLevel.L1 },
        { new PledgeEvidence { AssessmentVisitOn = Visit }, ReadinessLevel.L2 },
        { new PledgeEvidence { VerifiedOn = Verified }, ReadinessLevel.L1 },
        { new PledgeEvidence { AssessmentVisitOn = Visit, VerifiedOn = Verified }, ReadinessLevel.L3 },
        { new PledgeEvidence { AssessmentVisitOn = Visit, DeployableWithinDays = 30, RapidDeploymentConfirmedOn = Confirmed }, ReadinessLevel.L2 },
        { new PledgeEvidence { AssessmentVisitOn = Visit, VerifiedOn = Verified, DeployableWithinDays = 61, RapidDeploymentConfirmedOn = Confirmed }, ReadinessLevel.L3 },
        { new PledgeEvidence { AssessmentVisitOn = Visit, VerifiedOn = Verified, DeployableWithinDays = 60, RapidDeploymentConfirmedOn = Confirmed }, ReadinessLevel.RapidDeployment },
    };

    [Theory]
    [MemberData(nameof(Gates))]
    public void A_pledge_is_at_the_highest_level_whose_evidence_and_every_lower_gate_are_present(PledgeEvidence evidence, ReadinessLevel level) =>
        Assert.Equal(level, Readiness.LevelFor(evidence));

    [Fact]
    public void A_rapid_deployment_undertaking_may_only_be_replaced_by_a_shorter_one()
    {
        var evidence = new PledgeEvidence { AssessmentVisitOn = Visit, VerifiedOn = Verified, DeployableWithinDays = 60, RapidDeploymentConfirmedOn = Confirmed };

        Assert.Equal(45, Readiness.Add("p", evidence, new PledgeEvidence { DeployableWithinDays = 45, RapidDeploymentConfirmedOn = Confirmed }).DeployableWithinDays);
        var e = Assert.Throws<PreconditionFailedException>(() => Readiness.Add("p", evidence, new PledgeEvidence { DeployableWithinDays = 90, RapidDeploymentConfirmedOn = Confirmed }));
        Assert.Equal("PLEDGE_EVIDENCE_RECORDED", e.Type);
    }

    [Fact]
    public void Once_the_mission_confirmed_an_undertaking_a_shorter_one_comes_with_its_confirmation()
    {
        var confirmed = new PledgeEvidence { AssessmentVisitOn = Visit, VerifiedOn = Verified, DeployableWithinDays = 90, RapidDeploymentConfirmedOn = Confirmed };

        var e = Assert.Throws<PreconditionFailedException>(() => Readiness.Add("p", confirmed, new PledgeEvidence { DeployableWithinDays = 45 }));
        Assert.Equal("PLEDGE_EVIDENCE_RECORDED", e.Type);
        Assert.Equal(ReadinessLevel.L3, Readiness.LevelFor(Readiness.Add("p", confirmed with { RapidDeploymentConfirmedOn = null }, new PledgeEvidence { DeployableWithinDays = 45 })));
        Assert.Equal("PLEDGE_EVIDENCE_ORDER", Assert.Throws<PreconditionFailedException>(() =>
            Readiness.Add("p", new PledgeEvidence { AssessmentVisitOn = Visit }, new PledgeEvidence { RapidDeploymentConfirmedOn = Confirmed })).Type);
    }

    [Theory]
    [InlineData("2025-01-01", null, "2025-01-01", true)]
    [InlineData("2025-01-01", null, "2024-12-31", false)]
    [InlineData("2025-01-01", "2025-06-01", "2025-05-31", true)]
    [InlineData("2025-01-01", "2025-06-01", "2025-06-01", false)]
    public void A_status_of_forces_agreement_counts_from_its_entry_into_force_until_the_day_it_is_terminated(string inForce, string? terminated, string day, bool covers) =>
        Assert.Equal(covers, new Coordination.Personnel.Agreements.StatusOfForcesPeriod("KEN", DateOnly.Parse(inForce),
            terminated is null ? null : DateOnly.Parse(terminated)).Covers(DateOnly.Parse(day)));

    [Theory]
    [InlineData("2024-01-15", null, "2025-01-15")]
    [InlineData("2024-01-15", "2024-06-01", "2025-01-15")]
    [InlineData("2024-01-15", "2025-01-10", "2025-07-10")]
    [InlineData("2024-01-15", "2025-07-01", "2026-01-01")]
    public void Renewal_falls_due_twelve_months_after_the_pledge_then_six_months_after_each_renewal(string pledged, string? renewed, string due) =>
        Assert.Equal(DateOnly.Parse(due), Renewal.DueOn(DateOnly.Parse(pledged), renewed is null ? null : DateOnly.Parse(renewed)));

    [Fact]
    public void Vetting_follows_the_stage_order_a_failed_stage_may_be_retaken_and_a_passed_one_is_final()
    {
        var entries = new List<VettingEntry>();
        Assert.Equal("VETTING_ORDER", Vetting.Refusal(entries, new VettingEntry(VettingStage.Language, true, Visit))?.Rule);
        entries.Add(new VettingEntry(VettingStage.NationCertification, true, Visit));
        entries.Add(new VettingEntry(VettingStage.Language, false, Visit.AddDays(1)));
        Assert.True(Vetting.Failed(entries));
        Assert.Equal(VettingStage.Language, Vetting.Next(entries));
        Assert.Null(Vetting.Refusal(entries, new VettingEntry(VettingStage.Language, true, Visit.AddDays(9))));
        Assert.Equal("VETTING_ORDER", Vetting.Refusal(entries, new VettingEntry(VettingStage.Language, true, Visit))?.Rule);
        Assert.Equal("VETTING_STAGE_PASSED", Vetting.Refusal(entries, new VettingEntry(VettingStage.NationCertification, true, Visit.AddDays(9)))?.Rule);
        entries.AddRange(new[] { VettingStage.Language, VettingStage.Interview, VettingStage.Driving, VettingStage.Firearms }
            .Select((s, i) => new VettingEntry(s, true, Visit.AddDays(10 + i))));
        Assert.Equal(VettingStage.Unspecified, Vetting.Next(entries));
        Assert.False(Vetting.Failed(entries));
    }

    [Theory]
    [InlineData("2000-12-02", "2025-12-01", 24)]
    [InlineData("2000-12-02", "2025-12-02", 25)]
    [InlineData("1962-12-01", "2025-11-30", 62)]
    [InlineData("1962-12-01", "2025-12-01", 63)]
    // Born on 29 February: a year older on 28 February when the year has no 29th.
    [InlineData("2000-02-29", "2025-02-27", 24)]
    [InlineData("2000-02-29", "2025-02-28", 25)]
    public void Age_on_a_day_counts_whole_years_from_the_birthday(string born, string on, int age) =>
        Assert.Equal(age, Ages.AgeOn(DateOnly.Parse(born), DateOnly.Parse(on)));
}
