using Coordination.Auth;
using Coordination.Persistence;
using Coordination.Personnel.V1;
using Coordination.Requests;
using Coordination.Tests.Infrastructure;
using Coordination.Tests.Personnel;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Coordination.Tests.Persistence;

/// <summary>
/// Two calls with one request id race: the one that stores its answer second gets the first one's answer, also when it
/// runs inside a transaction its caller opened (holding a lock for a rule), where PostgreSQL aborts the whole
/// transaction at the failed insert unless it is rolled back to before it.
/// </summary>
public sealed class IdempotentRequestTests(PersonnelFixture fixture) : IClassFixture<PersonnelFixture>
{
    private const string Method = "/coordination.personnel.v1.ContingentService/CreateContingent";

    [Fact]
    public async Task A_call_that_loses_the_race_for_its_request_id_inside_a_transaction_gets_the_winners_answer()
    {
        var caller = new Caller("racing-client", "KEN", Roles.Contributor) { Issuer = "https://issuer.test" };
        var request = new CreateContingentRequest { RequestId = Guid.NewGuid().ToString("N"), NationCode = "KEN", Name = "Kenya FPU 3" };
        await using var scope = fixture.Suite.Scope("personnel");
        var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        // As a ledger write runs (FinanceLedger): no savepoint of EF Core's own around each save.
        db.Database.AutoSavepointsEnabled = false;

        // A transaction of the caller's, holding a lock for a rule: the write joins it.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.HoldLockAsync(0x7465_7374, CancellationToken.None);

        var answer = await scope.ServiceProvider.GetRequiredService<Writes>()
            .ExecuteAsync(request, request.RequestId, caller, new TestCallContext(Method), async () =>
            {
                // The retry, on a connection of its own, stores its answer while this call is still making its change.
                await using var retry = fixture.Suite.Scope("personnel");
                await retry.ServiceProvider.GetRequiredService<Writes>()
                    .ExecuteAsync(request, request.RequestId, caller, new TestCallContext(Method), () => Task.FromResult(new Contingent { Id = "first" }));
                return new Contingent { Id = "second" };
            });
        await transaction.CommitAsync();

        Assert.Equal("first", answer.Id);
    }
}
