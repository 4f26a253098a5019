using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Coordination.Tests.Infrastructure;

/// <summary>
/// The real broker and database the tests use: the ones named by RABBITMQ_URI and POSTGRES_CONNECTION (what
/// ./test.sh starts), or, when neither is set and a Docker engine answers, containers started here.
/// </summary>
public static class TestEnvironment
{
    private static readonly Lazy<Task<(string RabbitMq, string Postgres)>> Servers = new(ResolveAsync);

    public static async Task<string> RabbitMqUriAsync() => (await Servers.Value).RabbitMq;

    public static async Task<string> PostgresConnectionAsync() => (await Servers.Value).Postgres;

    /// <summary>RabbitMQ's management API (as an administrator), which ./test.sh enables and names in RABBITMQ_MANAGEMENT_URI.</summary>
    public static Uri RabbitMqManagementUri() =>
        Environment.GetEnvironmentVariable("RABBITMQ_MANAGEMENT_URI") is { Length: > 0 } uri
            ? new Uri(uri)
            : throw new InvalidOperationException(
                "These tests create broker users through RabbitMQ's management API: run ./test.sh, or set RABBITMQ_MANAGEMENT_URI (http://user:password@host:port/).");

    private static async Task<(string, string)> ResolveAsync()
    {
        var rabbit = Environment.GetEnvironmentVariable("RABBITMQ_URI");
        var postgres = Environment.GetEnvironmentVariable("POSTGRES_CONNECTION");
        if (string.IsNullOrEmpty(rabbit) || string.IsNullOrEmpty(postgres))
        {
            try
            {
                if (string.IsNullOrEmpty(rabbit))
                {
                    var container = new RabbitMqBuilder("rabbitmq:3.13-alpine").Build();
                    await container.StartAsync();
                    rabbit = container.GetConnectionString();
                }
                if (string.IsNullOrEmpty(postgres))
                {
                    var container = new PostgreSqlBuilder("postgres:16-alpine").Build();
                    await container.StartAsync();
                    postgres = container.GetConnectionString();
                }
            }
            catch (Exception e) when (IsDockerMissing(e))
            {
                throw new InvalidOperationException(
                    "These tests need RabbitMQ and PostgreSQL: run ./test.sh (it starts both on 127.0.0.1), or set RABBITMQ_URI and POSTGRES_CONNECTION.", e);
            }
        }
        return (rabbit, postgres);
    }

    private static bool IsDockerMissing(Exception e) => e switch
    {
        DotNet.Testcontainers.Builders.DockerUnavailableException => true,
        AggregateException a => a.InnerExceptions.Any(IsDockerMissing),
        _ => e.InnerException is { } inner && IsDockerMissing(inner),
    };
}
