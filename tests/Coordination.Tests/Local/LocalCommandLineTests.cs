using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Xunit;

namespace Coordination.Tests.Local;

/// <summary>
/// The local run's command line, run as a process the way the README starts it: a bad option or a start-up failure
/// is one line that names the option and says what to do, never a stack trace.
/// </summary>
public sealed partial class LocalCommandLineTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"coordination-cli-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public void Help_describes_every_option_and_exits_0()
    {
        var (exit, output, errors) = LocalRunProcess.Run("--help");

        Assert.Equal(0, exit);
        Assert.Empty(errors);
        foreach (var option in new[] { "--data", "--reset", "--no-demo", "--grpc-port", "--http-port", "--service-ports", "--rabbitmq", "--postgres", "--rebuild-local-data", "--dev-keys", "-h, --help" })
        {
            Assert.Contains($"  {option} ", output, StringComparison.Ordinal);
        }
        Assert.Equal(0, LocalRunProcess.Run("-h").ExitCode);
    }

    [Theory]
    [InlineData("--grpc-port", "abc")]
    [InlineData("--grpc-port", "70000")]
    [InlineData("--http-port", "-1")]
    [InlineData("--service-ports", "5.5")]
    public void A_port_that_is_not_a_port_number_is_refused_naming_its_option(string option, string value)
    {
        var refusal = Refused(option, value);

        Assert.Equal($"{option}: '{value}' is not a port number (1-65535, or 0 for a free one).", refusal);
    }

    [Theory]
    [InlineData("--grpc-port and --http-port both ask for port 9000", "--grpc-port", "9000", "--http-port", "9000")]
    [InlineData("--http-port and --service-ports (personnel gRPC) both ask for port 5101", "--http-port", "5101")]
    [InlineData("--grpc-port and --service-ports (logistics HTTP) both ask for port 7101", "--service-ports", "7000", "--grpc-port", "7101")]
    public void Two_options_asking_for_one_port_are_refused_naming_both(string expected, params string[] arguments)
    {
        Assert.StartsWith(expected, Refused(arguments), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_or_a_missing_value_is_refused_naming_it()
    {
        Assert.Equal("--grpc: unknown option (see --help).", Refused("--grpc", "8080"));
        Assert.Equal("--data: needs a value (see --help).", Refused("--data"));
    }

    [Fact]
    public void A_taken_port_stops_the_run_in_one_line_naming_its_option_before_anything_starts()
    {
        var held = new TcpListener(IPAddress.Loopback, 0);
        held.Start();
        try
        {
            var port = ((IPEndPoint)held.LocalEndpoint).Port;

            var (exit, output, errors) = LocalRunProcess.Run(
                "--data", dataDirectory, "--no-demo", "--grpc-port", $"{port}", "--http-port", "0", "--service-ports", "0");

            Assert.Equal(1, exit);
            Assert.Empty(output);
            var line = Assert.Single(errors.TrimEnd().Split('\n'));
            Assert.StartsWith($"--grpc-port: port {port} on 127.0.0.1 is already in use", line, StringComparison.Ordinal);
            Assert.Contains("--service-ports", line, StringComparison.Ordinal);
            Assert.False(Directory.Exists(dataDirectory), "the data folder was made before the ports were checked");
        }
        finally
        {
            held.Stop();
        }
    }

    [Fact]
    public void A_data_folder_that_cannot_be_made_stops_the_run_in_one_line()
    {
        var (exit, output, errors) = LocalRunProcess.Run(
            "--data", "/proc/coordination-cannot-be-here", "--no-demo", "--grpc-port", "0", "--http-port", "0", "--service-ports", "0");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.StartsWith("--data: cannot use /proc/coordination-cannot-be-here as the data folder", Assert.Single(errors.TrimEnd().Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_on_moved_service_ports_prints_every_address_and_each_service_answers_health_on_its_http_port()
    {
        var first = FreeServicePorts();

        using var run = await LocalRunProcess.StartAsync("Press Ctrl-C to stop.",
            "--data", dataDirectory, "--no-demo", "--grpc-port", "0", "--http-port", "0", "--service-ports", $"{first}");

        var listed = ServiceLine().Matches(run.Output).ToDictionary(m => m.Groups["service"].Value, m => (Grpc: int.Parse(m.Groups["grpc"].Value), Http: int.Parse(m.Groups["http"].Value)));
        Assert.Equal(
            new Dictionary<string, (int, int)> { ["personnel"] = (first, first + 1), ["logistics"] = (first + 100, first + 101), ["finance"] = (first + 200, first + 201), ["diplomacy"] = (first + 300, first + 301) },
            listed);
        Assert.Matches(@"Gateway gRPC \(cleartext HTTP/2\): http://127\.0\.0\.1:\d+/", run.Output);
        Assert.Matches(@"Gateway HTTP \(health, metrics, dev tokens\): http://127\.0\.0\.1:\d+/", run.Output);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var (service, ports) in listed)
        {
            using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{ports.Http}/healthz/ready"));
            Assert.True(health.IsSuccessStatusCode, $"{service}'s /healthz/ready answered {health.StatusCode}");
        }
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_stops_the_run_in_one_line_and_reset_deletes_the_databases_but_keeps_the_issuers_key()
    {
        Directory.CreateDirectory(dataDirectory);
        var key = Coordination.Local.DevelopmentKeyFile.LoadOrCreate(dataDirectory).KeyId;
        var financeFile = Path.Combine(dataDirectory, "finance.db");
        File.WriteAllText(financeFile, "not a database");
        File.WriteAllText(Path.Combine(dataDirectory, "notes.txt"), "mine");
        string[] arguments = ["--data", dataDirectory, "--no-demo", "--grpc-port", "0", "--http-port", "0", "--service-ports", "0"];

        var (exit, _, errors) = LocalRunProcess.Run(arguments);
        Assert.Equal(1, exit);
        Assert.Equal(
            $"finance: its database {financeFile} cannot be opened or brought up to date (SQLite Error 26: 'file is not a database'). Start again with --reset, which deletes every service's database.",
            Assert.Single(errors.TrimEnd().Split('\n')));

        using var run = await LocalRunProcess.StartAsync("Press Ctrl-C to stop.", [.. arguments, "--reset"]);

        // The refused run had built personnel's and logistics' files before it reached finance's.
        var deleted = Regex.Match(run.Output, $"--reset: deleted (.+) from {Regex.Escape(dataDirectory)}\\.").Groups[1].Value.Split(", ");
        Assert.Equal(["finance.db", "logistics.db", "personnel.db"], deleted.Where(f => f.EndsWith(".db", StringComparison.Ordinal)).Order());
        await using (var finance = File.Open(financeFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            var header = new byte[15];
            await finance.ReadExactlyAsync(header);
            Assert.Equal("SQLite format 3", System.Text.Encoding.ASCII.GetString(header));
        }
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dataDirectory, "notes.txt")));
        Assert.Equal(key, Coordination.Local.DevelopmentKeyFile.LoadOrCreate(dataDirectory).KeyId);
    }

    /// <summary>Runs it with options it must refuse: exit 2, nothing on standard output, one line on standard error.</summary>
    private static string Refused(params string[] arguments)
    {
        var (exit, output, errors) = LocalRunProcess.Run(arguments);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        return Assert.Single(errors.TrimEnd().Split('\n'));
    }

    /// <summary>A first port N with N, N+1, N+100 … N+301 all free now (the services' ports of --service-ports N).</summary>
    private static int FreeServicePorts()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = Random.Shared.Next(20_000, 60_000);
            if (new[] { 0, 1, 100, 101, 200, 201, 300, 301 }.All(offset => IsFree(first + offset)))
            {
                return first;
            }
        }
        throw new InvalidOperationException("No free range of service ports found.");
    }

    private static bool IsFree(int port)
    {
        var probe = new TcpListener(IPAddress.Loopback, port);
        try
        {
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            probe.Stop();
        }
    }

    [GeneratedRegex(@"^  (?<service>\w+) +gRPC http://127\.0\.0\.1:(?<grpc>\d+)/  HTTP http://127\.0\.0\.1:(?<http>\d+)/", RegexOptions.Multiline)]
    private static partial Regex ServiceLine();
}
