using System.Collections.Concurrent;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>
/// A plain rate limit for the public registration form, which works without JavaScript: at most
/// <see cref="PerHour"/> registrations an hour from one address (per app instance). With the honeypot
/// field, it keeps robots from filling the register (ADR 0530).
/// </summary>
public sealed class PublicFormThrottle(IConfiguration configuration, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (DateTime WindowStart, int Count)> _windows = new(StringComparer.Ordinal);

    public int PerHour { get; } = configuration.GetValue("Outreach:PublicRegistrationsPerHour", 20);

    /// <summary>Counts one submission from the address; false when its hour is used up.</summary>
    public bool TryAcquire(string address)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_windows.Count > 10_000)
        {
            foreach (var stale in _windows.Where(w => now - w.Value.WindowStart >= TimeSpan.FromHours(1)).Select(w => w.Key).ToList())
            {
                _windows.TryRemove(stale, out _);
            }
        }

        var window = _windows.AddOrUpdate(address, _ => (now, 1), (_, w) => now - w.WindowStart >= TimeSpan.FromHours(1) ? (now, 1) : (w.WindowStart, w.Count + 1));
        return window.Count <= PerHour;
    }
}
