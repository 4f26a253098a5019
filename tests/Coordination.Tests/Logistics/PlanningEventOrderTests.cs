using Coordination.Auth;
using Coordination.Events;
using Coordination.Logistics.Persistence;
using Coordination.Logistics.V1;
using Coordination.Tests.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Coordination.Tests.Logistics.LogisticsDesk;

namespace Coordination.Tests.Logistics;

/// <summary>Personnel's pledge events and diplomacy's mandate events enter logistics' planning in whatever order they arrive.</summary>
public sealed class PlanningEventOrderTests(LogisticsGatewayFixture fixture) : IClassFixture<LogisticsGatewayFixture>
{
    private readonly DateOnly today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_pledges_latest_version_decides_its_expected_month_and_a_withdrawal_heard_first_keeps_it_out()
    {
        var logistics = fixture.Suite.Service("logistics").Services;
        var (raised, withdrawn) = (NewId(), NewId());
        IntegrationEvent[] events =
        [
            Level(raised, 3, "L3", 150),
            Level(raised, 2, "L2", 150),
            new PersonnelPledged { OccurredAt = DateTime.UtcNow, SubjectId = raised, Nation = "SEN", OfficerCount = 140, UnitType = "FORMED_POLICE_UNIT", ReadinessLevel = "L1" },
            new PledgeWithdrawn
            {
                OccurredAt = DateTime.UtcNow, SubjectId = withdrawn, Nation = "SEN", OfficerCount = 20, UnitType = "STAFF_OFFICERS", ReadinessLevel = "L2",
                WithdrawnOn = today, Reason = "Officers needed at home",
            },
            Level(withdrawn, 2, "L2", 20),
        ];
        await PublishAsync(logistics, events);
        await ProcessedAsync(events);

        var needs = await fixture.Desk(TestTokens.For("SEN", Roles.Contributor)).Reports.GetArrivalNeedsAsync(new GetArrivalNeedsRequest());
        var month = Assert.Single(needs.Months);
        var expected = today.AddDays(90);
        Assert.Equal((expected.Year, expected.Month, 1), (month.Month.Year, month.Month.Month, month.Month.Day));
        Assert.Equal((1, 150, 1, 0), (month.PledgeCount, month.Officers, month.FormedPoliceUnits, month.MissionIssuedKits));
    }

    [Fact]
    public async Task A_renewal_heard_before_the_adoption_stands_and_a_stale_expiry_warning_marks_nothing()
    {
        var logistics = fixture.Suite.Service("logistics").Services;
        var contingent = await PersonnelAnnouncements.ContingentAsync(logistics, "BEN", deployedOn: today.AddDays(-30));
        var mandate = NewId();
        var (first, renewed) = (today.AddDays(20), today.AddDays(100));
        IntegrationEvent[] events =
        [
            new MandateExtended
            {
                OccurredAt = DateTime.UtcNow, SubjectId = mandate, ResolutionSymbol = "S/RES/2810 (2026)", AdoptedOn = today, PeriodStart = today.AddDays(-200),
                PreviousPeriodEnd = first, PeriodEnd = renewed, PersonnelCeiling = 2_500,
            },
            new MandateAdopted
            {
                OccurredAt = DateTime.UtcNow, SubjectId = mandate, ResolutionSymbol = "S/RES/2800 (2026)", AdoptedOn = today.AddDays(-200),
                PeriodStart = today.AddDays(-200), PeriodEnd = first, PersonnelCeiling = 2_500,
            },
            Expiring(mandate, renewed, 30),
            Expiring(mandate, first, 30),
            Expiring(mandate, renewed, 90),
        ];
        await PublishAsync(logistics, events);
        await ProcessedAsync(events);

        var reports = fixture.Desk(TestTokens.For("HTI", Roles.LogisticsOfficer)).Reports;
        var plan = (await reports.ListSupportPlansAsync(new ListSupportPlansRequest { Page = new() { PageSize = 500 } })).Plans.Single(p => p.ContingentId == contingent);
        Assert.Equal(("S/RES/2810 (2026)", renewed, true, 30), (plan.MandateResolutionSymbol, new DateOnly(plan.EndsOn.Year, plan.EndsOn.Month, plan.EndsOn.Day),
            plan.EndsWithMandate, plan.MandateExpiringDaysBefore));
        var report = await reports.GetMandateExpiryReportAsync(new GetMandateExpiryReportRequest());
        Assert.Equal((mandate, 30), (report.MandateId, report.DaysBefore));
        Assert.Contains(report.Plans, p => p.ContingentId == contingent);
        // A contributor reads no plan of where units stand.
        await RpcAssert.FailsWith(Grpc.Core.StatusCode.PermissionDenied,
            () => fixture.Desk(TestTokens.For("BEN", Roles.Contributor)).Reports.GetMandateExpiryReportAsync(new GetMandateExpiryReportRequest()).ResponseAsync);
    }

    private static PledgeLevelChanged Level(string pledge, int version, string level, int officers) => new()
    {
        OccurredAt = DateTime.UtcNow, SubjectId = pledge, Nation = "SEN", PreviousLevel = "L1", ReadinessLevel = level, OfficerCount = officers,
        UnitType = "FORMED_POLICE_UNIT", PledgeVersion = version, Cause = "EVIDENCE_RECORDED",
    };

    private static MandateExpiring Expiring(string mandate, DateOnly end, int days) => new()
    {
        OccurredAt = DateTime.UtcNow, SubjectId = mandate, ResolutionSymbol = "S/RES/2800 (2026)", PeriodEnd = end, DaysBefore = days,
    };

    /// <summary>Publishes each event as its own type (the exchange is the type's), as its owner would.</summary>
    private static async Task PublishAsync(IServiceProvider logistics, IntegrationEvent[] events)
    {
        var bus = logistics.GetRequiredService<IBus>();
        foreach (var e in events)
        {
            await bus.Publish(e, e.GetType(), context => context.MessageId = e.EventId);
        }
    }

    /// <summary>Waits until logistics has handled every one of <paramref name="events"/> (each in the order the broker delivered it).</summary>
    private Task<int> ProcessedAsync(IntegrationEvent[] events)
    {
        var ids = events.Select(e => e.EventId).ToList();
        return Eventually.Get(async () =>
        {
            await using var scope = fixture.Suite.Scope("logistics");
            return await scope.ServiceProvider.GetRequiredService<LogisticsDbContext>().ProcessedMessages.CountAsync(p => ids.Contains(p.MessageId));
        }, n => n == ids.Count, what: "logistics to handle every event");
    }
}
