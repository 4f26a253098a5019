namespace Coordination.Local;

/// <summary>What a started run prints: how it runs, and every address it listens on.</summary>
public static class LocalBanner
{
    public static void Write(LocalSuite suite, TimeSpan startedIn, TextWriter output)
    {
        var options = suite.Options;
        var mode = options.SeparateProcesses ? $"one process per service on RabbitMQ {Redact(options.RabbitMqUri!)}" : "one process, in-process bus";
        var storage = string.IsNullOrEmpty(options.PostgresConnection) ? $"SQLite files in {options.DataDirectory}" : "PostgreSQL databases coordination_<service>";
        output.WriteLine($"Coordination started in {startedIn.TotalSeconds:0.0} s ({mode}; {storage}).");
        output.WriteLine($"  Gateway gRPC (cleartext HTTP/2): {suite.GatewayGrpc}");
        output.WriteLine($"  Gateway HTTP (health, metrics, dev tokens): {suite.GatewayHttp}");
        foreach (var service in suite.Services)
        {
            output.WriteLine($"  {service.Name,-10} gRPC {service.Grpc}  HTTP {service.Http} (healthz/ready, metrics)");
        }
    }

    /// <summary>The broker's address without its credentials.</summary>
    private static string Redact(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var u) ? $"{u.Scheme}://{u.Host}:{u.Port}{u.AbsolutePath}" : "(configured)";
}
