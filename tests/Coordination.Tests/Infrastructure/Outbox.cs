using System.Text.Json;
using Coordination.Events;
using Coordination.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Infrastructure;

/// <summary>What a service wrote to its outbox, read from its own database.</summary>
public static class Outbox
{
    /// <summary>The events of one type about one subject, in the order written; disposes <paramref name="scope"/>.</summary>
    public static async Task<List<T>> ReadAsync<T>(AsyncServiceScope scope, string subjectId) where T : IntegrationEvent
    {
        await using (scope)
        {
            var rows = await scope.ServiceProvider.GetRequiredService<ServiceDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.MessageType == typeof(T).Name && m.Payload.Contains(subjectId))
                .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
                .ToListAsync();
            return [.. rows.Select(r => JsonSerializer.Deserialize<T>(r.Payload, EventCatalog.JsonOptions)!).Where(e => e.SubjectId == subjectId)];
        }
    }
}
