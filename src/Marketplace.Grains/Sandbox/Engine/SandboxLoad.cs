namespace Marketplace.Grains.Sandbox.Engine;

/// <summary>How many sandbox runs this silo has in flight; advertised so placement prefers idle silos.</summary>
public sealed class SandboxLoad
{
    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    public IDisposable Begin()
    {
        Interlocked.Increment(ref _inFlight);
        return new End(this);
    }

    private sealed class End(SandboxLoad load) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Interlocked.Decrement(ref load._inFlight);
            }
        }
    }
}
