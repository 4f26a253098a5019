using System.Net;
using Coordination.Hosting;
using Coordination.Persistence;
using Coordination.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Coordination.Tests.Persistence;

/// <summary>A service whose database lacks migrations is not ready (every query would fail) until they are applied.</summary>
public sealed class SchemaReadinessTests
{
    [Fact]
    public async Task A_service_on_a_database_with_pending_migrations_is_not_ready_names_them_and_is_ready_once_they_are_applied()
    {
        var database = await TestDatabases.CreateAsync("schema");
        try
        {
            var app = SuiteHost.Modules["personnel"].Build(SuiteHost.HostSettings(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Database"] = database,
                ["Messaging:Transport"] = "InProcess",
            }));
            await using (app)
            {
                await app.StartAsync();
                List<string> migrations;
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    migrations = [.. scope.ServiceProvider.GetRequiredService<ServiceDbContext>().Database.GetMigrations()];
                }

                var (pending, pendingBody) = await ReadinessAsync(app);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, pending);
                Assert.Contains("\"name\":\"schema\",\"status\":\"Unhealthy\"", pendingBody, StringComparison.Ordinal);
                Assert.All(migrations, m => Assert.Contains(m, pendingBody, StringComparison.Ordinal));
                Assert.Contains("Run the migrate step", pendingBody, StringComparison.Ordinal);

                await app.Services.MigrateDatabaseAsync();
                var (migrated, migratedBody) = await ReadinessAsync(app);
                Assert.Equal(HttpStatusCode.OK, migrated);
                Assert.Contains("\"name\":\"schema\",\"status\":\"Healthy\"", migratedBody, StringComparison.Ordinal);

                // Up to date is remembered: later probes do not read the migration history again.
                await using (var connection = new NpgsqlConnection(database))
                {
                    await connection.OpenAsync();
                    await using var forget = new NpgsqlCommand("DELETE FROM \"__EFMigrationsHistory\"", connection);
                    Assert.Equal(migrations.Count, await forget.ExecuteNonQueryAsync());
                }
                Assert.Equal(HttpStatusCode.OK, (await ReadinessAsync(app)).Status);
                await app.StopAsync();
            }
        }
        finally
        {
            await TestDatabases.DropAsync(database);
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadinessAsync(WebApplication app)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(app.HttpAddress(), "/healthz/ready"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
