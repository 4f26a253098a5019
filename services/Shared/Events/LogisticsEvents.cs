namespace Coordination.Events;

/// <summary>A critical site's security status changed. Subject: the site id.</summary>
public sealed record SiteStatusChanged : IntegrationEvent
{
    public required string SiteName { get; init; }
    /// <summary>CONTESTED, RECAPTURED, SECURED or LOST.</summary>
    public required string PreviousStatus { get; init; }
    public required string Status { get; init; }
    public required string Reason { get; init; }
}
