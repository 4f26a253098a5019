using System.Diagnostics;
using Coordination.Tests.Deployment;

namespace Coordination.Tests.Local;

/// <summary>
/// <c>dotnet run --project deploy/local</c> as a user starts it: the built program in its own process, without the
/// broker and database addresses of the test environment (so it runs in one process on SQLite unless told otherwise).
/// Killed, with its children, when disposed.
/// </summary>
public sealed class LocalRunProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly SemaphoreSlim written = new(0);

    private LocalRunProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>What it printed so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines);
            }
        }
    }

    /// <summary>Runs it to its exit (at most a minute): for options it refuses before starting anything.</summary>
    public static (int ExitCode, string Output, string Errors) Run(params string[] arguments) => Command.Run(StartInfo(arguments));

    /// <summary>Starts it and returns once it printed <paramref name="expected"/>; throws with its output if it exits first
    /// or takes more than two minutes (the suite starts in 5-20 s on a busy two-core machine).</summary>
    public static async Task<LocalRunProcess> StartAsync(string expected, params string[] arguments)
    {
        var start = StartInfo(arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var run = new LocalRunProcess(Process.Start(start)!);
        try
        {
            await run.WaitForAsync(expected, TimeSpan.FromMinutes(2));
            return run;
        }
        catch
        {
            run.Dispose();
            throw;
        }
    }

    private async Task WaitForAsync(string expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(expected, StringComparison.Ordinal))
        {
            if (process.HasExited)
            {
                process.WaitForExit();
                throw new InvalidOperationException($"The local run exited with {process.ExitCode} before printing '{expected}':\n{Output}");
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"The local run did not print '{expected}' within {timeout.TotalSeconds:0} s:\n{Output}");
            }
            await written.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (lines)
        {
            lines.Add(line);
        }
        written.Release();
    }

    private static ProcessStartInfo StartInfo(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Coordination.Local.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Remove("RABBITMQ_URI");
        start.Environment.Remove("POSTGRES_CONNECTION");
        return start;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        // The semaphore is left to the collector: the output reader may still release it after the kill.
        process.Dispose();
    }
}
