namespace Coordination.Local;

/// <summary>How the local run is composed; every option also has an environment variable.</summary>
public sealed record LocalOptions
{
    /// <summary>RabbitMQ to use (--rabbitmq, RABBITMQ_URI); then each service runs in its own process.</summary>
    public string? RabbitMqUri { get; init; }

    /// <summary>PostgreSQL server to use (--postgres, POSTGRES_CONNECTION); each service gets its own database on it.</summary>
    public string? PostgresConnection { get; init; }

    /// <summary>Folder for the SQLite files and the development issuer's key pair (--data, default ./.data).</summary>
    public string DataDirectory { get; init; } = DefaultDataDirectory();

    public string BindAddress { get; init; } = "127.0.0.1";
    public int GatewayGrpcPort { get; init; } = 8080;
    public int GatewayHttpPort { get; init; } = 8081;

    /// <summary>First gRPC port of the services: personnel gets it, logistics it + 100, and so on; HTTP is gRPC + 1.</summary>
    public int ServiceBasePort { get; init; } = 5101;

    /// <summary>Load the demo scenario (--no-demo turns it off).</summary>
    public bool LoadDemo { get; init; } = true;

    /// <summary>Only write the development issuer's key pair to the data folder, and exit (--dev-keys).</summary>
    public bool DevelopmentKeysOnly { get; init; }

    /// <summary>
    /// Local SQLite data built by another version of the suite is deleted and built again instead of refused
    /// (--rebuild-local-data); without it the run says which file is stale and offers to.
    /// </summary>
    public bool RebuildLocalData { get; init; }

    /// <summary>Prefix for queue and exchange names, so several suites can share a broker.</summary>
    public string MessagingPrefix { get; init; } = "";

    public bool SeparateProcesses => !string.IsNullOrEmpty(RabbitMqUri);

    /// <summary>.data/ at the root of the checkout (where Coordination.sln is), else in the current folder.</summary>
    private static string DefaultDataDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Coordination.sln")))
            {
                return Path.Combine(dir.FullName, ".data");
            }
        }
        return Path.GetFullPath(".data");
    }

    public static LocalOptions Parse(string[] args)
    {
        var options = new LocalOptions
        {
            RabbitMqUri = Environment.GetEnvironmentVariable("RABBITMQ_URI"),
            PostgresConnection = Environment.GetEnvironmentVariable("POSTGRES_CONNECTION"),
        };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--rabbitmq" => options with { RabbitMqUri = Value() },
                "--postgres" => options with { PostgresConnection = Value() },
                "--data" => options with { DataDirectory = Path.GetFullPath(Value()) },
                "--grpc-port" => options with { GatewayGrpcPort = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
                "--http-port" => options with { GatewayHttpPort = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
                "--no-demo" => options with { LoadDemo = false },
                "--dev-keys" => options with { DevelopmentKeysOnly = true },
                "--rebuild-local-data" => options with { RebuildLocalData = true },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --rabbitmq URI, --postgres CONNECTION, --data DIR, --grpc-port N, --http-port N, --no-demo, --dev-keys, --rebuild-local-data."),
            };
        }
        return options;
    }
}
