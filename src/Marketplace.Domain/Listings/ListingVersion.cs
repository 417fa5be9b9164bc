namespace Marketplace.Domain.Listings;

/// <summary>One version of a listing. Once published its content never changes.</summary>
public sealed record ListingVersion
{
    public required string Version { get; init; }

    public required ListingStatus Status { get; init; }

    public required ListingContent Content { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The latest review of this version: automated checks and the operator's decision.</summary>
    public ListingReview? Review { get; init; }

    /// <summary>The validated model file of this version (model listings only).</summary>
    public ModelArtifact? Artifact { get; init; }
}

public enum CheckSeverity
{
    /// <summary>Blocks submission.</summary>
    Error,

    /// <summary>Shown to the reviewer; does not block.</summary>
    Warning,
}

/// <summary>One automated check's outcome, naming the field it concerns.</summary>
public sealed record CheckResult(string Id, CheckSeverity Severity, bool Passed, string Message, string? Field);

/// <summary>Automated check results and the operator's decision on a submitted version.</summary>
public sealed record ListingReview
{
    public IReadOnlyList<CheckResult> Checks { get; init; } = [];

    /// <summary>"Approved" or "Rejected"; null while in review.</summary>
    public string? Decision { get; init; }

    public string? Reason { get; init; }

    public string? Reviewer { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }
}
