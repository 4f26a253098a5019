using System.Collections.Concurrent;
using Coordination.Events;
using Coordination.Logistics.Contingents;
using Coordination.Logistics.Persistence;
using Coordination.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Coordination.Tests.Logistics;

/// <summary>What a host logs at Error or above, for a specification that an ordinary flow logs none.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    public IReadOnlyCollection<string> Entries => entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception?.GetType().Name}");
            }
        }
    }
}

/// <summary>
/// Personnel's three events about one contingent travel on three queues and reach logistics' three consumers at the
/// same moment: each finds or adds the contingent without a failed insert, so nothing is logged as an error.
/// </summary>
public sealed class ContingentEventRaceTests : IAsyncLifetime
{
    private readonly ErrorLog errors = new();
    private SuiteHost suite = null!;

    public async Task InitializeAsync() =>
        suite = await SuiteHost.StartAsync(["logistics"], services: s => s.AddSingleton<ILoggerProvider>(errors));

    public async Task DisposeAsync() => await suite.DisposeAsync();

    [Fact]
    public async Task Two_consumers_that_both_find_a_contingent_missing_both_save_without_a_key_violation()
    {
        var heard = new ContingentRequested { OccurredAt = DateTime.UtcNow, SubjectId = Guid.NewGuid().ToString("N"), Nation = "RWA", UnitType = "FPU", OfficerCount = 140 };
        await using var first = suite.Scope("logistics");
        await using var second = suite.Scope("logistics");
        var (a, b) = (first.ServiceProvider.GetRequiredService<LogisticsDbContext>(), second.ServiceProvider.GetRequiredService<LogisticsDbContext>());

        // Both look for the contingent before either has saved, as two queues' consumers do.
        var seenByA = await a.KnownContingentAsync(heard, CancellationToken.None);
        var seenByB = await b.KnownContingentAsync(heard, CancellationToken.None);
        seenByA.Requested("FPU", 140, heard.OccurredAt);
        await a.SaveChangesAsync();
        // The second saves the one row the first did (a change of its own would then be ordered by the row's revision).
        await b.SaveChangesAsync();

        await using var check = suite.Scope("logistics");
        var known = await check.ServiceProvider.GetRequiredService<LogisticsDbContext>().KnownContingents.AsNoTracking().SingleAsync(c => c.Id == heard.SubjectId);
        Assert.Equal(("RWA", "FPU", seenByA.Id), (known.Nation, known.UnitType, seenByB.Id));
    }

    [Fact]
    public async Task Personnels_events_about_new_contingents_arriving_together_are_applied_without_an_error_logged()
    {
        var logistics = suite.Service("logistics").Services;
        var ids = Enumerable.Range(0, 24).Select(_ => Guid.NewGuid().ToString("N")).ToList();

        await Task.WhenAll(ids.SelectMany(id => new Task[]
        {
            PersonnelAnnouncements.PublishAsync(logistics, new ContingentRequested
            {
                OccurredAt = DateTime.UtcNow, SubjectId = id, Nation = "RWA", UnitType = "FORMED_POLICE_UNIT", OfficerCount = 140,
            }),
            PersonnelAnnouncements.PublishAsync(logistics, new ContingentDeployed
            {
                OccurredAt = DateTime.UtcNow, SubjectId = id, Nation = "RWA", OfficerCount = 140, SiteId = "",
                DeployedOn = new DateOnly(2025, 1, 6), PlannedTourEnd = new DateOnly(2026, 1, 6),
            }),
            PersonnelAnnouncements.PublishAsync(logistics, new ContingentRepatriated
            {
                OccurredAt = DateTime.UtcNow, SubjectId = id, Nation = "RWA", OfficerCount = 138, SiteId = "", RepatriatedOn = new DateOnly(2025, 7, 4),
            }),
        }));

        var known = await Eventually.Get(async () =>
        {
            await using var scope = suite.Scope("logistics");
            return await scope.ServiceProvider.GetRequiredService<LogisticsDbContext>().KnownContingents.AsNoTracking()
                .Where(c => ids.Contains(c.Id)).ToListAsync();
        }, k => k.Count == ids.Count && k.All(c => c.UnitType.Length > 0 && c.DeployedOn != null && c.Status == KnownContingentStatus.Repatriated),
            what: "logistics to apply every event about the new contingents");

        Assert.All(known, c => Assert.Equal((140, 138, new DateOnly(2025, 7, 4)), (c.DeployedOfficers, c.RepatriatedOfficers, c.RepatriatedOn)));
        Assert.True(errors.Entries.Count == 0, string.Join("\n", errors.Entries.Take(5)));
    }
}
