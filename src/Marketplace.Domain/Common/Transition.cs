namespace Marketplace.Domain.Common;

/// <summary>
/// The outcome of asking a state machine to move: the new state, or why it may not.
/// Callers turn a refusal into a 409, never into a silent no-op.
/// </summary>
public readonly record struct Transition<TState>(bool Allowed, TState To, string? Refusal)
    where TState : struct, Enum
{
    public static Transition<TState> Allow(TState to) => new(true, to, null);

    public static Transition<TState> Refused(string why) => new(false, default, why);
}

/// <summary>A record of who did what to an object, when and why.</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Actor,
    string Action,
    string? From,
    string? To,
    string? Reason);
