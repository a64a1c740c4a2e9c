using Reflexes.Web.Modules.DataTrust.Audit;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Tests.Fixtures;

/// <summary>Reading the audit log in a test, as every reader in the app does: pending entries are integrated first.</summary>
internal static class AuditTrail
{
    public static async Task<IQueryable<AuditEntry>> IntegratedAuditAsync(this ReflexesDbContext db)
    {
        await new AuditSequencer(db).IntegrateAsync(CancellationToken.None);
        return db.Set<AuditEntry>();
    }
}
