namespace Reflexes.Web.Modules.DataTrust.Audit;

/// <summary>
/// Integrates pending audit entries every <see cref="AuditSettings.IntegrationInterval"/> (the "merge
/// delay"); every instance runs it, the append lock makes them take turns (docs/adr/0603).
/// </summary>
internal sealed partial class AuditSequencerJob(IServiceScopeFactory scopes, AuditSettings settings, TimeProvider clock, ILogger<AuditSequencerJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.IntegrationInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditSequencer>().IntegrateAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The entries stay pending and durable; the next tick (or the next reader) integrates them.
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Integrating pending audit entries failed.")]
    private partial void LogFailed(Exception exception);
}
