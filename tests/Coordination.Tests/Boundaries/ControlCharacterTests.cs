using Coordination.Auth;
using Coordination.Logistics.V1;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Coordination.Tests.Logistics;
using Coordination.Tests.Personnel;
using Grpc.Core;
using Xunit;

namespace Coordination.Tests.Boundaries;

/// <summary>Text fields refuse control characters, which PostgreSQL refuses (NUL) or stores as structure; prose
/// (500 characters or more allowed) keeps its line breaks and tabs.</summary>
[Collection(BoundaryCollection.Name)]
public sealed class ControlCharacterTests(BoundaryFixture fixture)
{
    private readonly LogisticsDesk logistics = new(new SuiteGatewayClients(fixture.Suite, TestTokens.For("HTI", Roles.LogisticsOfficer)));

    [Theory]
    [InlineData("State University\0Hospital")]
    [InlineData("State University\u0007Hospital")]
    [InlineData("State University\nHospital")]
    [InlineData("State University\u0085Hospital")]
    public async Task A_name_with_a_control_character_is_refused_naming_the_field_and_nothing_is_stored(string name)
    {
        var before = await StoredRows.OfAsync(fixture.Suite, "logistics", "sites", "request_records");

        var refusal = await RpcAssert.InvalidFields(() => logistics.Sites.CreateSiteAsync(new CreateSiteRequest
        {
            RequestId = LogisticsDesk.NewId(),
            Name = name,
            Kind = SiteKind.Hospital,
            Location = new LatLng { Latitude = 18.5392, Longitude = -72.3388 },
            Status = SiteStatus.Secured,
            RequiredPosture = 120,
        }).ResponseAsync, "name");

        Assert.Contains("control characters", refusal.FieldViolations[0].Description, StringComparison.Ordinal);
        Assert.Equal(before, await StoredRows.OfAsync(fixture.Suite, "logistics", "sites", "request_records"));
    }

    [Fact]
    public async Task Prose_keeps_its_line_breaks_and_tabs()
    {
        var site = await logistics.SiteAsync(SiteStatus.Contested);
        const string reason = "Recaptured at dawn.\r\nPerimeter:\tsecured by the Kenyan FPU.";

        await logistics.Sites.ChangeSiteStatusAsync(new ChangeSiteStatusRequest
        {
            RequestId = LogisticsDesk.NewId(), Id = site.Id, Status = SiteStatus.Recaptured, Reason = reason,
        });

        var changes = await logistics.Sites.ListSiteStatusChangesAsync(new ListSiteStatusChangesRequest { Id = site.Id });
        Assert.Equal(reason, Assert.Single(changes.Changes, c => c.Status == SiteStatus.Recaptured).Reason);
    }

    [Fact]
    public async Task A_roster_row_with_a_NUL_is_rejected_with_its_field_and_the_other_rows_are_registered()
    {
        var kenya = new PersonnelDesk(fixture.Suite, TestTokens.For("KEN", Roles.Contributor));
        // Rows as a nation sends them: its own certification only, the rest is the mission's.
        var bad = PersonnelDesk.Record(serviceNumber: PersonnelDesk.ServiceNumber(), vetted: false);
        bad.FamilyName = "Ot\0ieno";
        var good = PersonnelDesk.Record(serviceNumber: PersonnelDesk.ServiceNumber(), vetted: false);

        var progress = await kenya.ImportAsync("KEN", [bad, good]);

        var results = progress.SelectMany(p => p.Results).ToDictionary(r => r.Row);
        Assert.Equal(RowOutcome.Rejected, results[1].Outcome);
        Assert.Equal("family_name", Assert.Single(results[1].Violations).Field);
        Assert.Equal(RowOutcome.Created, results[2].Outcome);
    }
}
