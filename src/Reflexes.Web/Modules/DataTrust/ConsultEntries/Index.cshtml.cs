using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Audit;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.ConsultEntries;

/// <summary>The data-protection officer reads the audit trail, newest first, optionally for one record; the reading is itself recorded.</summary>
[Authorize(Policy = DataTrustPolicies.DataProtection)]
public sealed class IndexModel(ReflexesDbContext db, AuditSequencer sequencer, IAuditLog log) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Record { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public long? NextBefore { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Record = string.IsNullOrWhiteSpace(Record) ? null : Record.Trim();
        if (Record is { Length: > AuditEvent.RecordMaxLength })
        {
            Record = Record[..AuditEvent.RecordMaxLength];
        }

        await sequencer.IntegrateAsync(ct);
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (Record is not null)
        {
            query = query.Where(e => e.Record == Record);
        }

        if (Before is { } before)
        {
            query = query.Where(e => e.Sequence < before);
        }

        var rows = await query.OrderByDescending(e => e.Sequence).Take(PageSize + 1).ToListAsync(ct);
        Entries = [.. rows.Take(PageSize)];
        NextBefore = rows.Count > PageSize ? Entries[^1].Sequence : null;

        await log.AppendAsync(new AuditEvent(
            $"user:{User.FindFirstValue(ClaimTypes.NameIdentifier)}", "audit.consult", null, Record, AuditResult.Allowed), ct);
    }
}
