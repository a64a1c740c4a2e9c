namespace Reflexes.Web.Modules.DataTrust.Audit;

/// <summary>Signs a tree head periodically when the log has grown; every instance runs it, the signing lock keeps them from doubling up.</summary>
internal sealed partial class AuditTreeHeadJob(IServiceScopeFactory scopes, AuditSettings settings, TimeProvider clock, ILogger<AuditTreeHeadJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.SigningInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var head = await scope.ServiceProvider.GetRequiredService<AuditSigning>().SignIfDueAsync(stoppingToken);
                if (head is not null)
                {
                    LogSigned(head.TreeSize);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a failed signature must not stop the app.
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed an audit tree head of size {Size}.")]
    private partial void LogSigned(long size);

    [LoggerMessage(Level = LogLevel.Error, Message = "Signing an audit tree head failed.")]
    private partial void LogFailed(Exception exception);
}
