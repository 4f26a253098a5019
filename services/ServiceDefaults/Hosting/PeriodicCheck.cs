using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coordination.Hosting;

/// <summary>
/// A check a service runs at start and then every <see cref="Interval"/> by its clock (a TimeProvider, which tests
/// control). A failed check is logged and runs again at the next interval; stopping the service ends the loop.
/// </summary>
public abstract partial class PeriodicCheck(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The service's clock.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>What the check is, for the log ("Runway check").</summary>
    protected abstract string Name { get; }

    /// <summary>How long to wait between two checks; read before each wait, so configuration changes apply.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One check. Public so that tests run it on their own clock's time.</summary>
    public abstract Task CheckAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCheckFailed(logger, Name, e);
            }
            try
            {
                await Task.Delay(Interval, Time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Check} failed; it runs again at the next interval")]
    private static partial void LogCheckFailed(ILogger logger, string check, Exception exception);
}
