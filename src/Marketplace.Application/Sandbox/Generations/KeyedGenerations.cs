using System.Collections.Concurrent;
using Marketplace.Application.Sandbox.Trials;

namespace Marketplace.Application.Sandbox.Generations;

/// <summary>
/// Generations running on this host, by id. Requests with one idempotency key that arrive while its
/// generation runs here join it (as <see cref="KeyedTrials"/> does for trials) and get its answer;
/// across hosts the quota grain still decides it once. A generation is cancelled when every request
/// waiting for it has gone (disconnected or stopped), so one client leaving does not cut another's answer.
/// </summary>
public sealed class KeyedGenerations
{
    private readonly ConcurrentDictionary<string, Participants> _running = new(StringComparer.Ordinal);

    /// <summary>Starts an unkeyed generation for one caller: it ends when that caller goes away.</summary>
    public static async Task<GenerationSession> StartAloneAsync(Func<CancellationToken, Task<GenerationSession>> start, CancellationToken caller)
    {
        var participants = new Participants("");
        var leave = participants.Join(caller);
        try
        {
            var session = await start(participants.Token);
            participants.ForgetWhenDone(session.Completion, () => { });
            return session.StoppedBy(leave);
        }
        catch
        {
            leave();
            throw;
        }
    }

    /// <summary>Joins the generation with this id if it runs here, or starts it; a key reused for another request is a 400.</summary>
    public async Task<GenerationSession> JoinOrStartAsync(string generationId, string fingerprint, Func<CancellationToken, Task<GenerationSession>> start, CancellationToken caller)
    {
        var mine = new Participants(fingerprint);
        var shared = _running.GetOrAdd(generationId, mine);
        if (shared.Fingerprint != fingerprint)
        {
            throw KeyedTrials.KeyReused();
        }
        var leave = shared.Join(caller);
        if (shared != mine)
        {
            try
            {
                return (await shared.Started.Task.WaitAsync(caller)).Joined(leave);
            }
            catch
            {
                leave();
                throw;
            }
        }
        try
        {
            var session = await start(mine.Token);
            mine.Started.SetResult(session);
            mine.ForgetWhenDone(session.Completion, () => _running.TryRemove(new KeyValuePair<string, Participants>(generationId, mine)));
            return session.StoppedBy(leave);
        }
        catch (Exception e)
        {
            // Requests that joined meanwhile get the same answer (a 429, a 400 …).
            mine.Started.TrySetException(e);
            _running.TryRemove(new KeyValuePair<string, Participants>(generationId, mine));
            leave();
            throw;
        }
    }

    /// <summary>The requests waiting for one generation; the last to leave cancels it.</summary>
    private sealed class Participants(string fingerprint)
    {
        private readonly CancellationTokenSource _cancel = new();
        private readonly ConcurrentBag<CancellationTokenRegistration> _registrations = [];
        private int _count;

        public string Fingerprint => fingerprint;

        public CancellationToken Token => _cancel.Token;

        public TaskCompletionSource<GenerationSession> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Counts a caller in; the action (or its token's cancellation) counts it out, once.</summary>
        public Action Join(CancellationToken caller)
        {
            Interlocked.Increment(ref _count);
            var left = 0;
            void Leave()
            {
                if (Interlocked.Exchange(ref left, 1) == 0 && Interlocked.Decrement(ref _count) == 0)
                {
                    _cancel.Cancel();
                }
            }
            _registrations.Add(caller.Register(Leave));
            return Leave;
        }

        public void ForgetWhenDone(Task completion, Action forget) =>
            _ = completion.ContinueWith(
                _ =>
                {
                    forget();
                    foreach (var registration in _registrations)
                    {
                        registration.Dispose();
                    }
                },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
