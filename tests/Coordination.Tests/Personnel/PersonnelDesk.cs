using Coordination.Common.V1;
using Coordination.Events;
using Coordination.Personnel.Persistence;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Coordination.Tests.Personnel;

/// <summary>One caller at the personnel API, through the gateway, with the steps the specifications share.</summary>
public sealed class PersonnelDesk(SuiteHost suite, string token)
{
    public PledgeService.PledgeServiceClient Pledges => suite.ViaGateway<PledgeService.PledgeServiceClient>(token);
    public OfficerService.OfficerServiceClient Officers => suite.ViaGateway<OfficerService.OfficerServiceClient>(token);
    public ContingentService.ContingentServiceClient Contingents => suite.ViaGateway<ContingentService.ContingentServiceClient>(token);
    public ForceStrengthService.ForceStrengthServiceClient Strength => suite.ViaGateway<ForceStrengthService.ForceStrengthServiceClient>(token);

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>A service number no other test uses.</summary>
    public static string ServiceNumber() => $"SN-{Guid.NewGuid().ToString("N")[..12].ToUpperInvariant()}";

    public static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static Date Day(DateOnly day) => Day(day.Year, day.Month, day.Day);

    /// <summary>Every vetting stage passed in order, in January 2025.</summary>
    public static IEnumerable<VettingResult> AllStagesPassed() =>
        new[] { VettingStage.NationCertification, VettingStage.Language, VettingStage.Interview, VettingStage.Driving, VettingStage.Firearms }
            .Select((stage, i) => new VettingResult { Stage = stage, Passed = true, On = Day(2025, 1, 10 + i) });

    /// <summary>An officer record; vetted (five stages passed, screening cleared) unless told otherwise.</summary>
    public static OfficerRecord Record(Gender gender = Gender.Male, DateOnly? born = null, bool vetted = true, string? serviceNumber = null) => new()
    {
        ServiceNumber = serviceNumber ?? ServiceNumber(),
        FamilyName = gender == Gender.Female ? "Wanjiru" : "Otieno",
        GivenNames = gender == Gender.Female ? "Grace" : "Brian",
        Rank = "Constable",
        Gender = gender,
        DateOfBirth = Day(born ?? new DateOnly(1990, 5, 17)),
        Languages = { "en", "sw" },
        Skills = { "crowd control" },
        Vetting = { vetted ? AllStagesPassed() : [] },
        HumanRightsScreening = vetted ? new HumanRightsScreening { Result = ScreeningResult.Cleared, On = Day(2025, 1, 9) } : null,
        Qualifications =
        {
            new Qualification { Kind = QualificationKind.Training, Name = "UN pre-deployment training", ObtainedOn = Day(2025, 2, 1) },
        },
    };

    public Task<Officer> RegisterAsync(string nation, OfficerRecord record) =>
        Officers.RegisterOfficerAsync(new RegisterOfficerRequest { RequestId = NewId(), NationCode = nation, Officer = record }).ResponseAsync;

    /// <summary>Registers vetted officers one by one: the women first, then the men.</summary>
    public async Task<List<Officer>> VettedOfficersAsync(string nation, int count, int women = 0, DateOnly? born = null)
    {
        var officers = new List<Officer>();
        for (var i = 0; i < count; i++)
        {
            officers.Add(await RegisterAsync(nation, Record(i < women ? Gender.Female : Gender.Male, born)));
        }
        return officers;
    }

    /// <summary>Streams a roster: the header, then the rows; returns every progress message, the final one last.</summary>
    public async Task<List<ImportRosterProgress>> ImportAsync(string nation, IEnumerable<OfficerRecord> rows)
    {
        using var call = Officers.ImportRoster();
        var reading = ReadAllAsync(call.ResponseStream);
        await call.RequestStream.WriteAsync(new ImportRosterRequest { Header = new ImportRosterHeader { NationCode = nation } });
        foreach (var row in rows)
        {
            await call.RequestStream.WriteAsync(new ImportRosterRequest { Row = row });
        }
        await call.RequestStream.CompleteAsync();
        return await reading;
    }

    private static async Task<List<ImportRosterProgress>> ReadAllAsync(IAsyncStreamReader<ImportRosterProgress> stream)
    {
        var messages = new List<ImportRosterProgress>();
        while (await stream.MoveNext(CancellationToken.None))
        {
            messages.Add(stream.Current);
        }
        return messages;
    }

    public Task<Coordination.Personnel.V1.Contingent> ContingentAsync(string nation, int declared = 10, string siteId = "", int tourMonths = 12) =>
        Contingents.CreateContingentAsync(new CreateContingentRequest
        {
            RequestId = NewId(),
            NationCode = nation,
            Name = $"{nation} unit {NewId()[..6]}",
            UnitType = UnitType.FormedPoliceUnit,
            OfficerCount = declared,
            TourMonths = tourMonths,
            SiteId = siteId,
        }).ResponseAsync;

    public Task<Coordination.Personnel.V1.Contingent> AssignAsync(Coordination.Personnel.V1.Contingent contingent, IEnumerable<Officer> officers) =>
        Contingents.AssignOfficersAsync(new AssignOfficersRequest { RequestId = NewId(), Id = contingent.Id, OfficerIds = { officers.Select(o => o.Id) } }).ResponseAsync;

    /// <summary>Walks a contingent one step at a time up to <paramref name="target"/>; <paramref name="on"/> is the day of DEPLOYED or REPATRIATED.</summary>
    public async Task<Coordination.Personnel.V1.Contingent> MoveAsync(Coordination.Personnel.V1.Contingent contingent, ContingentStatus target, Date? on = null)
    {
        for (var status = contingent.Status + 1; status <= target; status++)
        {
            contingent = await Contingents.ChangeContingentStatusAsync(new ChangeContingentStatusRequest
            {
                RequestId = NewId(),
                Id = contingent.Id,
                Status = status,
                EffectiveOn = status is ContingentStatus.Deployed or ContingentStatus.Repatriated ? on : null,
            });
        }
        return contingent;
    }

    public async Task<Officer> OfficerAsync(string id) => await Officers.GetOfficerAsync(new GetOfficerRequest { Id = id });

    public async Task<NationStrength> NationAsync(string nation) =>
        (await Strength.GetStrengthReportAsync(new GetStrengthReportRequest { NationCode = nation })).Nations.Single();
}

/// <summary>The events personnel wrote to its outbox.</summary>
public static class PersonnelOutbox
{
    public static Task<List<T>> ReadAsync<T>(SuiteHost suite, string subjectId) where T : IntegrationEvent =>
        Outbox.ReadAsync<T>(suite.Scope("personnel"), subjectId);

    /// <summary>No event personnel ever wrote carries any of these strings (names, dates of birth, service numbers).</summary>
    public static async Task AssertNoneMentionsAsync(SuiteHost suite, params string[] personal)
    {
        await using var scope = suite.Scope("personnel");
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
        var payloads = await db.OutboxMessages.AsNoTracking().Select(m => m.Payload).ToListAsync();
        Assert.NotEmpty(payloads);
        foreach (var text in personal)
        {
            Assert.DoesNotContain(payloads, p => p.Contains(text, StringComparison.OrdinalIgnoreCase));
        }
    }
}
