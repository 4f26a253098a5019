using System.Diagnostics;

namespace Coordination.Tests.Deployment;

/// <summary>A program the deployment specifications run (<c>kubectl kustomize</c>, <c>deploy/k8s/generate</c>).</summary>
public static class Command
{
    /// <summary>Runs it to the end (or kills it after a minute): its exit code, standard output and standard error.</summary>
    public static (int ExitCode, string Output, string Errors) Run(string program, params string[] arguments) =>
        Run(new ProcessStartInfo(program, arguments));

    /// <inheritdoc cref="Run(string, string[])"/>
    public static (int ExitCode, string Output, string Errors) Run(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish in 60 s.");
        }
        return (process.ExitCode, output.Result, errors.Result);
    }
}
