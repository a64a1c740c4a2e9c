using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Reflexes.Outreach.Bench;

/// <summary>
/// Counts the database round trips of each step the callers take (bench only): every command EF Core
/// sends, and every commit, filed under the step the simulated caller is in (an <see cref="AsyncLocal{T}"/>
/// set around the call to the desk). Work outside any step (the audit sequencer, the release job) is
/// filed under "background".
/// </summary>
internal sealed class RoundTrips : DbCommandInterceptor, IDbTransactionInterceptor
{
    public const string Claim = "claim";
    public const string Outcome = "outcome";
    public const string Referral = "referral";

    private static readonly AsyncLocal<string?> Current = new();
    private readonly ConcurrentDictionary<string, long[]> _counts = new();

    /// <summary>The step the calling flow is in, until the returned value is disposed.</summary>
    public static Step In(string step)
    {
        var previous = Current.Value;
        Current.Value = step;
        return new Step(previous);
    }

    internal readonly struct Step(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }

    /// <summary>Forgets what was counted so far (after the warm-up).</summary>
    public void Reset() => _counts.Clear();

    /// <summary>Commands and commits counted in a step.</summary>
    public (long Commands, long Commits) Of(string step) => _counts.TryGetValue(step, out var c) ? (Interlocked.Read(ref c[0]), Interlocked.Read(ref c[1])) : (0, 0);

    /// <summary>Round trips per occurrence of a step, e.g. "6.0 (5.0 statements + 1.0 commit)".</summary>
    public string Describe(string step, long occurrences)
    {
        if (occurrences == 0)
        {
            return "-";
        }

        var (commands, commits) = Of(step);
        double n = occurrences;
        return string.Create(CultureInfo.InvariantCulture, $"{(commands + commits) / n:F2} ({commands / n:F2} statements + {commits / n:F2} commits)");
    }

    private void Count(int which) => Interlocked.Increment(ref _counts.GetOrAdd(Current.Value ?? "background", _ => new long[2])[which]);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(0);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(0);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(0);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(0);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(0);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(0);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Count(1);
        return result;
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Count(1);
        return ValueTask.FromResult(result);
    }
}
