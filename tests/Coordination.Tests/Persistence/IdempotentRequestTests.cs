using Coordination.Errors;
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

    [Fact]
    public async Task A_retry_refused_on_the_state_its_own_first_try_just_left_gets_the_first_tries_answer()
    {
        var caller = new Caller("retrying-client", "KEN", Roles.Contributor) { Issuer = "https://issuer.test" };
        var request = new CreateContingentRequest { RequestId = Guid.NewGuid().ToString("N"), NationCode = "KEN", Name = "Kenya FPU 4" };
        // The retry arrives while the first try is in flight: the replay interceptor finds no answer yet and says so.
        var context = new TestCallContext(Method);
        RequestLog.MarkLookedUp(context, request.RequestId);
        await using var scope = fixture.Suite.Scope("personnel");

        var answer = await scope.ServiceProvider.GetRequiredService<Writes>()
            .ExecuteAsync<CreateContingentRequest, Contingent>(request, request.RequestId, caller, context, async () =>
            {
                // The first try commits now; the retry's write then judges the state it left, and refuses.
                await using var first = fixture.Suite.Scope("personnel");
                await first.ServiceProvider.GetRequiredService<Writes>()
                    .ExecuteAsync(request, request.RequestId, caller, new TestCallContext(Method), () => Task.FromResult(new Contingent { Id = "first" }));
                throw new ResourceAlreadyExistsException("contingent", "Kenya FPU 4", "Kenya already has a contingent of that name.");
            });

        Assert.Equal("first", answer.Id);
    }
}
