namespace Marketplace.Portal.Components.Sandbox;

/// <summary>One trial made on this page, for the session latency chart.</summary>
public sealed record TrialPoint(int Number, double LatencyMs, double QueueMs, string DeviceKind);
