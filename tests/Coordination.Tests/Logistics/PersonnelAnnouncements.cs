using Coordination.Events;
using Coordination.Logistics.Contingents;
using Coordination.Logistics.Persistence;
using Coordination.Tests.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Logistics;

/// <summary>
/// Personnel's contingent events published on logistics' own bus (RabbitMQ, or the local run's in-memory bus), as
/// personnel would publish them, for the specifications of logistics alone: logistics then knows the contingent.
/// </summary>
public static class PersonnelAnnouncements
{
    /// <summary>A contingent of <paramref name="nation"/> requested and, when the days are given, deployed and repatriated; returns once logistics knows it so.</summary>
    public static async Task<string> ContingentAsync(IServiceProvider logistics, string nation, DateOnly? deployedOn = null, DateOnly? repatriatedOn = null)
    {
        var id = Guid.NewGuid().ToString("N");
        await PublishAsync(logistics, new ContingentRequested
        {
            OccurredAt = DateTime.UtcNow, SubjectId = id, Nation = nation, UnitType = "FORMED_POLICE_UNIT", OfficerCount = 160,
        });
        if (deployedOn is { } deployed)
        {
            await PublishAsync(logistics, new ContingentDeployed
            {
                OccurredAt = DateTime.UtcNow, SubjectId = id, Nation = nation, OfficerCount = 160, SiteId = "",
                DeployedOn = deployed, PlannedTourEnd = deployed.AddMonths(12),
            });
        }
        if (repatriatedOn is { } home)
        {
            await PublishAsync(logistics, new ContingentRepatriated
            {
                OccurredAt = DateTime.UtcNow, SubjectId = id, Nation = nation, OfficerCount = 160, SiteId = "", RepatriatedOn = home,
            });
        }
        var status = repatriatedOn is not null ? KnownContingentStatus.Repatriated
            : deployedOn is not null ? KnownContingentStatus.Deployed : KnownContingentStatus.Requested;
        await Eventually.Get(async () =>
        {
            await using var scope = logistics.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<LogisticsDbContext>().KnownContingents.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        }, c => c is not null && c.Status == status && c.UnitType.Length > 0, what: $"logistics to hear of contingent {id} ({status})");
        return id;
    }

    /// <summary>Publishes one event as personnel would, its event id as the message id.</summary>
    public static Task PublishAsync<T>(IServiceProvider logistics, T message) where T : IntegrationEvent =>
        logistics.GetRequiredService<IBus>().Publish(message, context => context.MessageId = message.EventId);
}
