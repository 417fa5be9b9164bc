namespace Marketplace.Inference.Execution;

/// <summary>Deadlines as TimeProvider timestamps, so tests can drive them with a fake clock.</summary>
internal static class Deadlines
{
    /// <summary>Longest deadline a request may ask for; keeps timer arithmetic far from overflow.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public static long After(TimeProvider time, TimeSpan deadline)
    {
        var bounded = deadline > Longest ? Longest : deadline < TimeSpan.Zero ? TimeSpan.Zero : deadline;
        return time.GetTimestamp() + (long)(bounded.TotalSeconds * time.TimestampFrequency);
    }

    /// <summary>Time left until the deadline, at least a millisecond (timers reject zero).</summary>
    public static TimeSpan Remaining(TimeProvider time, long deadlineTimestamp)
    {
        var left = time.GetElapsedTime(time.GetTimestamp(), deadlineTimestamp);
        return left < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : left;
    }
}
