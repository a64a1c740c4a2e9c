namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>
/// Erases, on a timer, the registrations a third party asked for that nobody confirmed with the person
/// within the confirmation purpose's retention (three months, ADR 0530 and 0535). Every instance runs it;
/// a run is one conditional delete, so concurrent runs on several instances erase each request once and
/// count it once. The log line holds a count, never a name.
/// </summary>
internal sealed partial class UnconfirmedRequestsJob(
    IServiceScopeFactory scopes, UnconfirmedRequestsSettings settings, TimeProvider clock, ILogger<UnconfirmedRequestsJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var cutoff = clock.GetUtcNow().UtcDateTime.AddMonths(-settings.RetentionMonths);
                var erased = await scope.ServiceProvider.GetRequiredService<RegistryDesk>().EraseUnconfirmedRequestsAsync(cutoff, stoppingToken);
                if (erased > 0)
                {
                    LogErased(erased, settings.RetentionMonths);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a failed run must not stop the app.
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased {Count} registration request(s) from third parties left unconfirmed for {Months} months.")]
    private partial void LogErased(int count, int months);

    [LoggerMessage(Level = LogLevel.Error, Message = "Erasing unconfirmed registration requests failed.")]
    private partial void LogFailed(Exception exception);
}

/// <summary>How long third parties' requests wait for a confirmation call, and how often old ones are looked for (section "Outreach:UnconfirmedRequests").</summary>
public sealed class UnconfirmedRequestsSettings
{
    public const string SectionName = "Outreach:UnconfirmedRequests";

    public int RetentionMonths { get; set; } = 3;

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
