using System.Diagnostics;
using System.Net;
using Coordination.Hosting;
using Coordination.Persistence;
using Coordination.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Xunit;

namespace Coordination.Tests.Messaging;

/// <summary>
/// Outside Development a service without a broker address does not start (its events would never leave it) unless
/// its configuration asks for the in-process bus explicitly.
/// </summary>
public sealed class BrokerRequiredTests
{
    private const string Refusal = "Messaging:RabbitMqUri is empty: outside Development a service needs its broker.";

    [Fact]
    public async Task In_production_a_service_without_a_broker_address_does_not_start_and_says_how_to_ask_for_the_in_process_bus()
    {
        await using var app = SuiteHost.Modules["finance"].Build(SuiteHost.HostSettings(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = "Host=127.0.0.1;Database=never-opened",
        }));

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(Refusal, refused.Message, StringComparison.Ordinal);
        Assert.Contains("Messaging:Transport=InProcess", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_the_explicit_in_process_setting_starts_the_service_on_the_in_process_bus()
    {
        var database = await TestDatabases.CreateAsync("inprocess");
        try
        {
            var app = SuiteHost.Modules["finance"].Build(SuiteHost.HostSettings(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Database"] = database,
                ["Messaging:Transport"] = "InProcess",
            }));
            await using (app)
            {
                await app.Services.MigrateDatabaseAsync();
                await app.StartAsync();
                using var http = new HttpClient();
                var ready = await http.GetAsync(new Uri(app.HttpAddress(), "/healthz/ready"));
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
                await app.StopAsync();
            }
        }
        finally
        {
            await TestDatabases.DropAsync(database);
        }
    }

    [Theory]
    [InlineData("InProcess", "amqp://guest:guest@127.0.0.1:5672/", "Messaging:Transport is InProcess but Messaging:RabbitMqUri is set")]
    [InlineData("RabbitMq", "", "Messaging:Transport is RabbitMq but Messaging:RabbitMqUri is empty")]
    [InlineData("Kafka", "", "Messaging:Transport is 'Kafka': use RabbitMq or InProcess")]
    public async Task A_transport_setting_that_contradicts_the_broker_address_stops_the_start(string transport, string uri, string message)
    {
        await using var app = SuiteHost.Modules["finance"].Build(SuiteHost.HostSettings(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = "Host=127.0.0.1;Database=never-opened",
            ["Messaging:Transport"] = transport,
            ["Messaging:RabbitMqUri"] = uri,
        }));

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_binary_refused_for_want_of_a_broker_exits_non_zero_with_one_log_line_and_no_stack_trace()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Coordination.Finance.dll"));
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Hosting__BindAddress"] = "127.0.0.1";
        start.Environment["Hosting__GrpcPort"] = "0";
        start.Environment["Hosting__HttpPort"] = "0";
        start.Environment["Auth__PublicKeys"] = TestTokens.PublicKeys;
        start.Environment["ConnectionStrings__Database"] = "Host=127.0.0.1;Database=never-opened";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var log = await output + await errors;

        Assert.Equal(1, process.ExitCode);
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = System.Text.Json.JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal("Critical", line.GetProperty("LogLevel").GetString());
        Assert.StartsWith(Refusal, line.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }
}
