using Coordination.Auth;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Coordination.Tests.Personnel;
using Google.Protobuf;
using Grpc.Core;
using Xunit;

namespace Coordination.Tests.Boundaries;

/// <summary>A call never outlives its bounds: nothing commits after its deadline, and a stream ends with the token
/// that opened it.</summary>
[Collection(BoundaryCollection.Name)]
public sealed class CallBoundsTests(BoundaryFixture fixture)
{
    [Fact]
    public async Task A_call_whose_deadline_passes_before_it_commits_stores_nothing()
    {
        var token = TestTokens.For("KEN", Roles.Contributor);
        async Task<RawAnswer> CreateAsync(string? timeout) => await fixture.Gateway.CallAsync(
            "/coordination.personnel.v1.ContingentService/CreateContingent", token, RawGrpc.Frame(new CreateContingentRequest
            {
                RequestId = Guid.NewGuid().ToString("N"), NationCode = "KEN", Name = "Kenya FPU on a deadline",
                UnitType = UnitType.FormedPoliceUnit, OfficerCount = 120, TourMonths = 6,
            }.ToByteArray()), timeout);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(StatusCode.OK, (await CreateAsync(null)).Code); // warm, so that a call can finish within gRPC's timer slack
        }
        var before = await StoredRows.OfAsync(fixture.Suite, "personnel", "contingents", "request_records");

        // gRPC's deadline timer fires 14 ms after the deadline, and the handler's cancellation only then: a warm call
        // of 1 ms finished and committed in that slack.
        for (var i = 0; i < 20; i++)
        {
            var answer = await CreateAsync("1m");
            // The service answers DEADLINE_EXCEEDED and resets the stream; the gateway may see the reset first and
            // answer 502. Either way the client has given up: what counts is that nothing was stored.
            Assert.True(answer.Code is StatusCode.DeadlineExceeded or StatusCode.Unavailable, answer.ToString());
        }

        await Task.Delay(TimeSpan.FromSeconds(1)); // what was still running when the deadline passed has finished
        Assert.Equal(before, await StoredRows.OfAsync(fixture.Suite, "personnel", "contingents", "request_records"));
    }

    [Fact]
    public async Task The_strength_stream_ends_unauthenticated_when_its_token_expires()
    {
        var strength = fixture.Client<ForceStrengthService.ForceStrengthServiceClient>(TestTokens.Lasting("KEN", Roles.Observer, TimeSpan.FromSeconds(3)));
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = strength.StreamStrength(new StreamStrengthRequest(), cancellationToken: giveUp.Token);

        Assert.True(await call.ResponseStream.MoveNext(giveUp.Token));
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(giveUp.Token))
            {
            }
        });

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Contains("token expired", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_roster_import_ends_unauthenticated_when_its_token_expires()
    {
        var officers = fixture.Client<OfficerService.OfficerServiceClient>(TestTokens.Lasting("KEN", Roles.Contributor, TimeSpan.FromSeconds(3)));
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = officers.ImportRoster(cancellationToken: giveUp.Token);
        await call.RequestStream.WriteAsync(new ImportRosterRequest { Header = new ImportRosterHeader { NationCode = "KEN" } });
        await call.RequestStream.WriteAsync(new ImportRosterRequest { Row = PersonnelDesk.Record() });

        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(giveUp.Token))
            {
            }
        });

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }
}
