using Coordination.Auth;
using Coordination.Common.V1;
using Coordination.Diplomacy.Mandates;
using Coordination.Diplomacy.Persistence;
using Coordination.Diplomacy.V1;
using Coordination.Events;
using Coordination.Persistence;
using Coordination.Tests.Diplomacy;
using Coordination.Tests.Infrastructure;
using Coordination.Validation;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Coordination.Tests.Requests;

/// <summary>
/// Two calls with different request ids race to create the same row: both find no such row, and the second insert
/// meets the first on the service's own unique key. The one write path answers that the same way in every service:
/// ABORTED (a concurrent change), never INTERNAL, nothing stored; the retry with the same request id is judged on
/// fresh state and gets the precise answer.
/// </summary>
public sealed class ConcurrentCreationTests(DiplomacyFixture fixture) : IClassFixture<DiplomacyFixture>
{
    private readonly string diplomat = TestTokens.For("HTI", Roles.Diplomat, "racing-diplomat");

    private MandateService.MandateServiceClient Mandates => fixture.Client<MandateService.MandateServiceClient>(diplomat);

    [Fact]
    public async Task A_resolution_adopted_by_another_call_while_this_one_adopts_it_is_aborted_and_its_retry_is_told_it_exists()
    {
        var tag = Guid.NewGuid().ToString("N");
        var request = new AdoptMandateRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            ResolutionSymbol = $"S/RES/T{tag} (2024)",
            AdoptedOn = Day(2023, 10, 2),
            Vote = new Vote { InFavour = 13, Against = 0, Abstentions = 2 },
            PeriodStart = Day(2023, 10, 2),
            PeriodEnd = Day(2024, 10, 1),
            PersonnelCeiling = 2500,
        };
        await using var scope = fixture.Suite.Scope("diplomacy");
        var db = scope.ServiceProvider.GetRequiredService<DiplomacyDbContext>();

        // The rival call has inserted the resolution and not committed yet: this call finds no such resolution, and its
        // insert waits on the symbol's unique key until the rival commits.
        await using (var rival = await db.Database.BeginTransactionAsync())
        {
            var terms = MandateTermsReader.Read(request, new DateOnly(2024, 1, 1), new Violations())!;
            db.Mandates.Add(Coordination.Diplomacy.Mandates.Mandate.Adopt(terms, Audit.System("rival", DateTime.UtcNow)));
            await db.SaveChangesAsync();
            var adopting = Mandates.AdoptMandateAsync(request).ResponseAsync;
            // Watched from another connection: inside a transaction, PostgreSQL shows the sessions as they were at its start.
            await using var watch = fixture.Suite.Scope("diplomacy");
            await Eventually.Get(
                () => watch.ServiceProvider.GetRequiredService<DiplomacyDbContext>().Database.SqlQueryRaw<int>("""
                    SELECT count(*)::int AS "Value" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
                    """).SingleAsync(),
                waiting => waiting == 1, what: "the adoption to wait on the resolution symbol's unique key");
            await rival.CommitAsync();

            var e = await RpcAssert.FailsWith(StatusCode.Aborted, () => adopting);
            Assert.Contains("retry with the same request_id", e.Status.Detail, StringComparison.Ordinal);
        }

        var retried = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => Mandates.AdoptMandateAsync(request).ResponseAsync);
        Assert.Contains(request.ResolutionSymbol, retried.Status.Detail, StringComparison.Ordinal);
        // The aborted call stored nothing: one mandate of that symbol (the rival's), no event, no answer to its request id.
        Assert.Equal(1, await db.Mandates.CountAsync(m => m.ResolutionSymbol == request.ResolutionSymbol));
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.MessageType == nameof(MandateAdopted) && m.Payload.Contains(tag)));
        Assert.Equal(0, await db.RequestRecords.CountAsync(r => r.RequestId == request.RequestId));
    }

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
