using System.Globalization;
using Npgsql;

namespace Coordination.Local;

/// <summary>How the local run is composed; <see cref="Usage"/> lists the options. Parsing checks every one, so a bad
/// value stops the run before anything starts, with the option's name.</summary>
public sealed record LocalOptions
{
    public const string Usage = """
        Coordination, on this machine: the four services and the gateway on 127.0.0.1, with the demo scenario.

        Usage: dotnet run --project deploy/local -- [options]

          --data DIR              folder of the SQLite files and the development issuer's key pair (default: .data at
                                  the root of the checkout)
          --reset                 delete the four services' databases (the SQLite files in --data, or with --postgres
                                  the databases coordination_<service>) before starting, so the demo loads again into
                                  empty services; the development issuer's key pair is kept
          --no-demo               start empty: do not load the demo scenario
          --grpc-port N           the gateway's gRPC port (cleartext HTTP/2; default 8080)
          --http-port N           the gateway's HTTP port: health, metrics, /dev/token (default 8081)
          --service-ports N       the services' first port (default 5101): personnel gets N (gRPC) and N+1 (HTTP:
                                  health, metrics), logistics N+100 and N+101, finance N+200 and N+201, diplomacy N+300
                                  and N+301. A second run next to the first: --grpc-port 9080 --http-port 9081
                                  --service-ports 6101 --data .data-2
                                  Every port option takes 0 for a free port chosen at start; the banner prints them all.
          --rabbitmq URI          run each service in its own process on this RabbitMQ (amqp://user:pass@host:5672/;
                                  or RABBITMQ_URI)
          --postgres CONNECTION   give each service its own database coordination_<service> on this PostgreSQL server
                                  (Host=127.0.0.1;Port=5432;Username=postgres; or POSTGRES_CONNECTION)
          --rebuild-local-data    rebuild SQLite files that another version of the suite built, instead of stopping
          --dev-keys              only write the development issuer's key pair to the data folder, and exit
          -h, --help              print this help, and exit

        Exit codes: 0 stopped with Ctrl-C (or SIGTERM); 1 could not start, or the demo could not load; 2 a bad option.
        """;

    /// <summary>RabbitMQ to use (--rabbitmq, RABBITMQ_URI); then each service runs in its own process.</summary>
    public string? RabbitMqUri { get; init; }

    /// <summary>PostgreSQL server to use (--postgres, POSTGRES_CONNECTION); each service gets its own database on it.</summary>
    public string? PostgresConnection { get; init; }

    /// <summary>Folder for the SQLite files and the development issuer's key pair (--data, default ./.data).</summary>
    public string DataDirectory { get; init; } = DefaultDataDirectory();

    public string BindAddress { get; init; } = "127.0.0.1";
    public int GatewayGrpcPort { get; init; } = 8080;
    public int GatewayHttpPort { get; init; } = 8081;

    /// <summary>First gRPC port of the services: personnel gets it, logistics it + 100, and so on; HTTP is gRPC + 1.
    /// 0: free ports.</summary>
    public int ServiceBasePort { get; init; } = 5101;

    /// <summary>Load the demo scenario (--no-demo turns it off).</summary>
    public bool LoadDemo { get; init; } = true;

    /// <summary>Delete the services' databases before starting (--reset).</summary>
    public bool Reset { get; init; }

    /// <summary>Only write the development issuer's key pair to the data folder, and exit (--dev-keys).</summary>
    public bool DevelopmentKeysOnly { get; init; }

    /// <summary>Print <see cref="Usage"/> and exit (--help, -h).</summary>
    public bool ShowHelp { get; init; }

    /// <summary>
    /// Local SQLite data built by another version of the suite is deleted and built again instead of refused
    /// (--rebuild-local-data); without it the run says which file is stale and offers to.
    /// </summary>
    public bool RebuildLocalData { get; init; }

    /// <summary>Prefix for queue and exchange names, so several suites can share a broker.</summary>
    public string MessagingPrefix { get; init; } = "";

    public bool SeparateProcesses => !string.IsNullOrEmpty(RabbitMqUri);

    /// <summary>The services' ports and the option that sets each (0: a free one, chosen at start).</summary>
    public (int Grpc, int Http) ServicePorts(int index) =>
        ServiceBasePort == 0 ? (0, 0) : (ServiceBasePort + (100 * index), ServiceBasePort + (100 * index) + 1);

    /// <summary>Every fixed port the run will listen on, named by the option that moves it.</summary>
    public IEnumerable<(string Option, int Port)> Ports()
    {
        yield return ("--grpc-port", GatewayGrpcPort);
        yield return ("--http-port", GatewayHttpPort);
        for (var i = 0; i < LocalSuite.Modules.Length; i++)
        {
            var (grpc, http) = ServicePorts(i);
            yield return ($"--service-ports ({LocalSuite.Modules[i].Name} gRPC)", grpc);
            yield return ($"--service-ports ({LocalSuite.Modules[i].Name} HTTP)", http);
        }
    }

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

    /// <summary>The options of the command line over those of the environment.</summary>
    /// <exception cref="ArgumentException">A bad option: its message names it and says what it takes.</exception>
    public static LocalOptions Parse(string[] args)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            return new LocalOptions { ShowHelp = true };
        }
        var options = new LocalOptions
        {
            RabbitMqUri = Checked("RABBITMQ_URI", Environment.GetEnvironmentVariable("RABBITMQ_URI"), RabbitMq),
            PostgresConnection = Checked("POSTGRES_CONNECTION", Environment.GetEnvironmentVariable("POSTGRES_CONNECTION"), Postgres),
        };
        for (var i = 0; i < args.Length; i++)
        {
            var option = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{option}: needs a value (see --help).");
            options = option switch
            {
                "--rabbitmq" => options with { RabbitMqUri = Checked(option, Value(), RabbitMq) },
                "--postgres" => options with { PostgresConnection = Checked(option, Value(), Postgres) },
                "--data" => options with { DataDirectory = Folder(option, Value()) },
                "--grpc-port" => options with { GatewayGrpcPort = Port(option, Value()) },
                "--http-port" => options with { GatewayHttpPort = Port(option, Value()) },
                "--service-ports" => options with { ServiceBasePort = ServiceBase(option, Value()) },
                "--no-demo" => options with { LoadDemo = false },
                "--reset" => options with { Reset = true },
                "--dev-keys" => options with { DevelopmentKeysOnly = true },
                "--rebuild-local-data" => options with { RebuildLocalData = true },
                _ => throw new ArgumentException($"{option}: unknown option (see --help)."),
            };
        }
        options.RefuseSharedPorts();
        return options;
    }

    private void RefuseSharedPorts()
    {
        var taken = new Dictionary<int, string>();
        foreach (var (option, port) in Ports().Where(p => p.Port != 0))
        {
            if (!taken.TryAdd(port, option))
            {
                throw new ArgumentException($"{taken[port]} and {option} both ask for port {port}: give each its own (see --help).");
            }
        }
    }

    private static string? Checked(string option, string? value, Func<string, string?> problem)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }
        var refused = problem(value);
        return refused is null ? value : throw new ArgumentException($"{option}: {refused}");
    }

    private static int Port(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ArgumentException($"{option}: '{value}' is not a port number (1-65535, or 0 for a free one).");

    private static int ServiceBase(string option, string value)
    {
        var port = Port(option, value);
        // Diplomacy's HTTP port is the highest: N + 301.
        var highest = 65535 - (100 * (LocalSuite.Modules.Length - 1)) - 1;
        return port <= highest
            ? port
            : throw new ArgumentException($"{option}: {port} leaves no room for the services' ports (N to N+{65535 - highest}); give at most {highest}.");
    }

    private static string? RabbitMq(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps" && uri.Host.Length > 0
            ? null
            : $"'{value}' is not a RabbitMQ address (amqp://user:password@host:5672/).";

    private static string? Postgres(string value)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(value);
            return string.IsNullOrEmpty(builder.Host) ? "the connection string names no Host (Host=127.0.0.1;Port=5432;Username=postgres)." : null;
        }
        catch (ArgumentException e)
        {
            var why = e.ParamName is { } keyword ? $"cannot use '{keyword}'" : e.Message.TrimEnd('.');
            return $"not a PostgreSQL connection string ({why}); e.g. Host=127.0.0.1;Port=5432;Username=postgres.";
        }
    }

    private static string Folder(string option, string value)
    {
        if (value.Trim().Length == 0 || value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{option}: '{value}' is not a folder name.");
        }
        var path = Path.GetFullPath(value);
        return File.Exists(path) ? throw new ArgumentException($"{option}: {path} is a file; give a folder (it is created when missing).") : path;
    }
}
