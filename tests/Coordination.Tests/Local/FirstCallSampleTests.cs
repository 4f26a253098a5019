using System.ComponentModel;
using System.Diagnostics;
using Coordination.Auth;
using Coordination.Local;
using Coordination.Personnel.V1;
using Coordination.Tests.Infrastructure;
using Grpc.Net.Client;
using Xunit;

namespace Coordination.Tests.Local;

/// <summary>
/// The README's first call runs as written: the token command, the C# sample (<c>samples/dotnet</c>) and the Node
/// sample (<c>samples/node</c>), each against a local run that holds a Kenyan contingent they must print.
/// </summary>
public sealed class FirstCallSampleTests(FirstCallSampleTests.LocalRun run) : IClassFixture<FirstCallSampleTests.LocalRun>
{
    [Fact]
    public void The_README_makes_the_samples_the_first_call_and_fetches_the_token_so_that_a_refusal_fails_the_command()
    {
        var readme = Repository.Read("README.md");

        Assert.Contains("dotnet run --project samples/dotnet", readme, StringComparison.Ordinal);
        Assert.Contains("node first-call.js", readme, StringComparison.Ordinal);
        Assert.Contains(TokenCommand, readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_README_token_command_prints_a_token_and_fails_loudly_on_a_bad_request()
    {
        var good = await RunAsync(Repository.Root, "curl", "-sf", $"{run.Suite.GatewayHttp}dev/token?nation=KEN&role=contributor");
        var bad = await RunAsync(Repository.Root, "curl", "-sf", $"{run.Suite.GatewayHttp}dev/token?nation=KEN&role=king");

        Assert.Equal(0, good.ExitCode);
        Assert.Equal(3, good.Output.Split('.').Length);
        Assert.Equal(22, bad.ExitCode); // curl -f: an HTTP error is a failed command, and nothing on stdout to keep as a token
        Assert.Equal("", bad.Output);
    }

    [Fact]
    public async Task The_CSharp_sample_prints_the_contingents_it_reads_through_the_gateway()
    {
        // The README's command; --no-build because the test project builds the sample with itself (a build inside the
        // test run competes with the suite for the machine and can outlast any sensible timeout).
        var (exitCode, output, errors) = await RunAsync(Repository.Root, "dotnet", "run", "--no-build", "--project", "samples/dotnet", "--",
            run.Suite.GatewayGrpc.ToString(), run.Suite.GatewayHttp.ToString());

        Assert.True(exitCode == 0, $"exit {exitCode}: {output} {errors}");
        Assert.Contains("Kenya's contingents: 1", output, StringComparison.Ordinal);
        Assert.Contains($"  {run.ContingentName}: Requested, 140 officers", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Node_sample_prints_the_contingents_it_reads_through_the_gateway()
    {
        await run.NodeModules.Value;

        var (exitCode, output, errors) = await RunAsync(NodeSample, "node", "first-call.js", run.GatewayTarget, run.Suite.GatewayHttp.ToString());

        Assert.True(exitCode == 0, $"exit {exitCode}: {output} {errors}");
        Assert.Contains("Kenya's contingents: 1", output, StringComparison.Ordinal);
        Assert.Contains($"  {run.ContingentName}: CONTINGENT_STATUS_REQUESTED, 140 officers", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Node_client_shows_a_refusal_as_written_colons_spaces_and_accents_included()
    {
        await run.NodeModules.Value;
        // A well-signed token with a role the suite does not know: the gateway's authentication answers, outside any handler.
        var token = run.Suite.Issuer.Issue("samples-ken", "KEN", "ministère: délégué");
        const string Call = """
            const grpc = require('@grpc/grpc-js');
            const loader = require('@grpc/proto-loader');
            const definition = loader.loadSync('coordination/personnel/v1/contingents.proto', { includeDirs: ['../../protos'] });
            const { ContingentService } = grpc.loadPackageDefinition(definition).coordination.personnel.v1;
            const client = new ContingentService(process.argv[1], grpc.credentials.createInsecure());
            const metadata = new grpc.Metadata();
            metadata.add('authorization', `Bearer ${process.argv[2]}`);
            client.listContingents({}, metadata, (error) => { console.log(error ? `${grpc.status[error.code]}: ${error.details}` : 'OK'); client.close(); });
            """;

        var (exitCode, output, errors) = await RunAsync(NodeSample, "node", "-e", Call, run.GatewayTarget, token);

        Assert.True(exitCode == 0, $"exit {exitCode}: {output} {errors}");
        Assert.StartsWith("UNAUTHENTICATED: The bearer token was refused: the token's role claim 'ministère: délégué' is not one of: ", output, StringComparison.Ordinal);
    }

    private static string NodeSample => Repository.Path("samples", "node");

    /// <summary>The README's token command, word for word.</summary>
    private const string TokenCommand = "TOKEN=$(curl -sf 'http://127.0.0.1:8081/dev/token?nation=KEN&role=contributor')";

    /// <summary>Runs a program a partner would run; one that is not installed fails the test saying so.</summary>
    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string directory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // What `dotnet test` sets for its own MSBuild would steer the sample's build: a partner's shell has none of it.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("MSBUILD", StringComparison.Ordinal) || k.StartsWith("VSTEST", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"'{program}' is needed to run the README's first call and is not installed here ({e.Message}); " +
                "install it (e.g. apt-get install -y nodejs npm curl) rather than skip this check.");
            throw;
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish in 3 minutes: {await output} {await errors}");
            }
            return (process.ExitCode, await output, await errors);
        }
    }

    /// <summary>A local run (no demo) holding one Kenyan contingent, for all the samples.</summary>
    public sealed class LocalRun : IAsyncLifetime
    {
        private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"coordination-samples-{Guid.NewGuid():N}");

        public LocalSuite Suite { get; private set; } = null!;

        public string ContingentName { get; } = $"Kenya FPU sample {Guid.NewGuid().ToString("N")[..6]}";

        /// <summary>The gateway's gRPC address as grpc-js takes it: host:port.</summary>
        public string GatewayTarget => $"{Suite.GatewayGrpc.Host}:{Suite.GatewayGrpc.Port}";

        /// <summary>The Node sample's packages, installed once from the registry as its README says.</summary>
        public Lazy<Task> NodeModules { get; } = new(async () =>
        {
            var install = await RunAsync(NodeSample, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
            Assert.True(install.ExitCode == 0, $"npm install exited {install.ExitCode}: {install.Errors}");
        });

        public async Task InitializeAsync()
        {
            Suite = await LocalSuite.StartAsync(new LocalOptions
            {
                DataDirectory = dataDirectory,
                GatewayGrpcPort = 0,
                GatewayHttpPort = 0,
                ServiceBasePort = 0,
                LoadDemo = false,
            }, TextWriter.Null, CancellationToken.None);
            using var channel = GrpcChannel.ForAddress(Suite.GatewayGrpc);
            var kenya = channel.CreateCallInvoker().WithBearer(Suite.Issuer.Issue("samples-ken", "KEN", Roles.Contributor));
            await new ContingentService.ContingentServiceClient(kenya).CreateContingentAsync(new CreateContingentRequest
            {
                RequestId = Guid.NewGuid().ToString("N"), NationCode = "KEN", Name = ContingentName,
                UnitType = UnitType.FormedPoliceUnit, OfficerCount = 140, TourMonths = 12,
            });
        }

        public async Task DisposeAsync()
        {
            await Suite.DisposeAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
