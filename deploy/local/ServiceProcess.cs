using System.Diagnostics;

namespace Coordination.Local;

/// <summary>
/// One service in its own process (this program with <c>--serve NAME</c>), configured by environment variables.
/// Closing its standard input asks it to stop; it also stops when this process dies.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string service;

    private ServiceProcess(Process process, string service)
    {
        this.process = process;
        this.service = service;
    }

    public static ServiceProcess Start(string service, IReadOnlyDictionary<string, string?> settings, TextWriter log)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ServiceProcess).Assembly.Location);
        }
        start.ArgumentList.Add("--serve");
        start.ArgumentList.Add(service);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {service}.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { log.WriteLine($"[{service}] {e.Data}"); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log.WriteLine($"[{service}] {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(process, service);
    }

    public async Task WaitUntilReadyAsync(Uri readiness, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new LocalStartException($"{service}: its process exited with code {process.ExitCode} before it was ready; its output is above.");
            }
            try
            {
                using var response = await http.GetAsync(readiness, ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            await Task.Delay(500, ct);
        }
        throw new LocalStartException($"{service}: {readiness} did not report ready within 90 s; its output is above.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        process.Dispose();
    }

    /// <summary>In the child: stop the host when the parent closes standard input or goes away.</summary>
    public static void StopWhenParentLeaves(IHostApplicationLifetime lifetime) =>
        _ = Task.Run(async () =>
        {
            using var stdin = Console.OpenStandardInput();
            var buffer = new byte[64];
            while (await stdin.ReadAsync(buffer) > 0)
            {
            }
            lifetime.StopApplication();
        });
}
