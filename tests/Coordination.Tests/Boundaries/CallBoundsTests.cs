using Coordination.Auth;
using Coordination.Hosting;
using Coordination.Personnel;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Coordination.Tests.Personnel;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Coordination.Tests.Boundaries;

/// <summary>
/// Personnel behind the gateway, its calls' bounds (deadlines, token expiry: <see cref="CallClock"/>) measured by a
/// clock the test moves, starting <paramref name="ahead"/> of the machine's. Tokens are still validated by the
/// machine's clock when a call arrives.
/// </summary>
public abstract class CallClockFixture(TimeSpan ahead) : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow + ahead);

    public SuiteHost Suite { get; private set; } = null!;

    public RawGrpc Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Suite = await SuiteHost.StartAsync([PersonnelService.Name], services: s => s.AddKeyedSingleton<TimeProvider>(CallClock.Key, Clock));
        Gateway = new RawGrpc((await Suite.StartGatewayAsync(SuiteHost.UnlimitedPartners())).GrpcAddress());
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        await Suite.DisposeAsync();
    }

    public T Client<T>(string token) where T : ClientBase<T> => Suite.ViaGateway<T>(token);
}

/// <summary>The call clock reads the machine's time when the fixture starts, and moves only when a test moves it.</summary>
public sealed class StillCallClockFixture() : CallClockFixture(TimeSpan.Zero);

/// <summary>The call clock is a day ahead: every deadline a client sets for less than a day has passed by it.</summary>
public sealed class LateCallClockFixture() : CallClockFixture(TimeSpan.FromDays(1));

/// <summary>Nothing commits after a call's deadline.</summary>
public sealed class CallDeadlineTests(LateCallClockFixture fixture) : IClassFixture<LateCallClockFixture>
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
        Assert.Equal(StatusCode.OK, (await CreateAsync(null)).Code);
        var before = await StoredRows.OfAsync(fixture.Suite, "personnel", "contingents", "request_records");

        // An hour by the machine's clock, so gRPC's own timer never fires: the call reaches its commit, where the call
        // clock, a day ahead, says the deadline has passed.
        var answer = await CreateAsync("1H");

        Assert.True(answer.Code == StatusCode.DeadlineExceeded, answer.ToString());
        Assert.Equal(before, await StoredRows.OfAsync(fixture.Suite, "personnel", "contingents", "request_records"));
    }

    /// <summary>
    /// gRPC reads a timeout under its 100 ns tick, or one it cannot read, as no deadline: without a check the call would
    /// run unbounded, and commit, while its client (which sends <c>1n</c> for a deadline about to pass) has given up.
    /// </summary>
    [Theory]
    [InlineData("1n", StatusCode.DeadlineExceeded)]
    [InlineData("99n", StatusCode.DeadlineExceeded)]
    [InlineData("0S", StatusCode.DeadlineExceeded)]
    [InlineData("soon", StatusCode.InvalidArgument)]
    [InlineData("5x", StatusCode.InvalidArgument)]
    [InlineData("-5m", StatusCode.InvalidArgument)]
    public async Task A_timeout_gRPC_reads_as_none_is_refused_before_the_call_starts(string timeout, StatusCode expected)
    {
        var before = await StoredRows.OfAsync(fixture.Suite, "personnel", "contingents", "request_records");

        var answer = await fixture.Gateway.CallAsync("/coordination.personnel.v1.ContingentService/CreateContingent",
            TestTokens.For("KEN", Roles.Contributor), RawGrpc.Frame(new CreateContingentRequest
            {
                RequestId = Guid.NewGuid().ToString("N"), NationCode = "KEN", Name = "Kenya FPU out of time",
                UnitType = UnitType.FormedPoliceUnit, OfficerCount = 120, TourMonths = 6,
            }.ToByteArray()), timeout);

        Assert.True(answer.Code == expected, answer.ToString());
        Assert.Equal(before, await StoredRows.OfAsync(fixture.Suite, "personnel", "contingents", "request_records"));
    }
}

/// <summary>A stream ends with the token that opened it, however far ahead the token's <c>exp</c>.</summary>
public sealed class TokenBoundStreamTests(StillCallClockFixture fixture) : IClassFixture<StillCallClockFixture>
{
    [Fact]
    public async Task Streams_end_unauthenticated_when_their_token_expires_even_one_lasting_thirty_days()
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var strength = fixture.Client<ForceStrengthService.ForceStrengthServiceClient>(TestTokens.Lasting("KEN", Roles.Observer, TimeSpan.FromDays(30)));
        using var stream = strength.StreamStrength(new StreamStrengthRequest(), cancellationToken: giveUp.Token);
        Assert.True(await stream.ResponseStream.MoveNext(giveUp.Token));
        var officers = fixture.Client<OfficerService.OfficerServiceClient>(TestTokens.Lasting("KEN", Roles.Contributor, TimeSpan.FromHours(1)));
        using var import = officers.ImportRoster(cancellationToken: giveUp.Token);
        await import.RequestStream.WriteAsync(new ImportRosterRequest { Header = new ImportRosterHeader { NationCode = "KEN" } });
        await import.RequestStream.WriteAsync(new ImportRosterRequest { Row = PersonnelDesk.Record() });

        fixture.Clock.Advance(TimeSpan.FromHours(2));
        var importEnded = await Assert.ThrowsAsync<RpcException>(() => DrainAsync(import.ResponseStream, giveUp.Token));
        fixture.Clock.Advance(TimeSpan.FromDays(30));
        var streamEnded = await Assert.ThrowsAsync<RpcException>(() => DrainAsync(stream.ResponseStream, giveUp.Token));

        Assert.Equal(StatusCode.Unauthenticated, importEnded.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, streamEnded.StatusCode);
        Assert.Contains("token expired", streamEnded.Status.Detail, StringComparison.Ordinal);
    }

    private static async Task DrainAsync<T>(IAsyncStreamReader<T> reader, CancellationToken ct)
    {
        while (await reader.MoveNext(ct))
        {
        }
    }
}
