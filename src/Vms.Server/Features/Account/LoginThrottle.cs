using System.Collections.Concurrent;

namespace Vms.Server.Features.Account;

/// <summary>
/// Slows down password guessing without letting anyone lock a real user out for long: failures count per
/// (user name, client address) and per client address; after 5 failures the pair waits 1 minute, doubling up
/// to 15 minutes at most. The real user on another address is never blocked by someone else's guesses, and a
/// success clears the pair.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int FreeAttempts = 5;
    public const int FreeAttemptsPerAddress = 50;
    private static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>Whether an attempt for the user from the address may be checked now.</summary>
    public bool IsAllowed(string userName, string address)
    {
        var now = time.GetUtcNow();
        return Allowed(PairKey(userName, address), FreeAttempts, now) && Allowed("@" + address, FreeAttemptsPerAddress, now);
    }

    public void Failed(string userName, string address)
    {
        var now = time.GetUtcNow();
        Bump(PairKey(userName, address), now);
        Bump("@" + address, now);
        if (_counters.Count > 100_000)
        {
            foreach (var stale in _counters.Where(c => now - c.Value.LastFailure > Window).Select(c => c.Key).ToList())
            {
                _counters.TryRemove(stale, out _);
            }
        }
    }

    public void Succeeded(string userName, string address) => _counters.TryRemove(PairKey(userName, address), out _);

    private bool Allowed(string key, int free, DateTimeOffset now)
    {
        if (!_counters.TryGetValue(key, out var counter) || now - counter.LastFailure > Window + MaxWait)
        {
            return true;
        }

        if (counter.Failures < free)
        {
            return true;
        }

        var doublings = Math.Min(counter.Failures - free, 4);
        var wait = TimeSpan.FromTicks(Math.Min(FirstWait.Ticks << doublings, MaxWait.Ticks));
        return now >= counter.LastFailure + wait;
    }

    private void Bump(string key, DateTimeOffset now) =>
        _counters.AddOrUpdate(key, _ => new Counter(1, now),
            (_, c) => now - c.LastFailure > Window + MaxWait ? new Counter(1, now) : new Counter(c.Failures + 1, now));

    private static string PairKey(string userName, string address) => userName.Trim().ToLowerInvariant() + "|" + address;

    private sealed record Counter(int Failures, DateTimeOffset LastFailure);
}
