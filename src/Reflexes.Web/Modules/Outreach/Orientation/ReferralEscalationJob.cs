namespace Reflexes.Web.Modules.Outreach.Orientation;

/// <summary>
/// Escalates late referrals to orientation on a timer. Every instance runs it; each run is idempotent
/// and runs one at a time across instances (see <see cref="Referrals.ReferralRecords.EscalateOverdueAsync"/>).
/// </summary>
internal sealed partial class ReferralEscalationJob(IServiceScopeFactory scopes, ReferralJobSettings settings, TimeProvider clock, ILogger<ReferralEscalationJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.EscalationInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var escalated = await scope.ServiceProvider.GetRequiredService<OrientationDesk>().EscalateAsync(stoppingToken);
                if (escalated > 0)
                {
                    LogEscalated(escalated);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a failed run must not stop the app.
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalated {Count} late referral deadline(s) to orientation.")]
    private partial void LogEscalated(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Escalating late referrals failed.")]
    private partial void LogFailed(Exception exception);
}

/// <summary>How often late referrals are looked for (configuration "Referrals:EscalationInterval").</summary>
public sealed class ReferralJobSettings
{
    public TimeSpan EscalationInterval { get; set; } = TimeSpan.FromMinutes(5);
}
