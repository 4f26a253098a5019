namespace Coordination.Hosting;

/// <summary>The name of the service a host runs, e.g. "personnel".</summary>
public sealed record ServiceIdentity(string Name);
