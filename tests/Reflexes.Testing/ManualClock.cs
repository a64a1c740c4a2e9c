namespace Reflexes.Testing;

/// <summary>A clock the test moves by hand, for rules that depend on dates (expiry, deadlines).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
