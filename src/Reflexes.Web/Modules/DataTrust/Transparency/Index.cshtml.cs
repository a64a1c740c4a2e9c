using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Transparency;

/// <summary>
/// The public transparency page: every exceptional use the data board approved — what, why, who
/// approved, until when, and how many people it concerns. Never who those people are.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(ReflexesDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(string Reference, string Title, string Justification, string SourcePurposeCode, int PeopleConcerned,
        DateOnly StartsOn, DateOnly EndsOn, ExceptionalUseStatus Status, string ApprovedBy, string? Reasons, bool InForce);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var uses = await db.ExceptionalUses.AsNoTracking()
            .Where(u => u.Status == ExceptionalUseStatus.Approved || u.Status == ExceptionalUseStatus.Revoked)
            .ToListAsync(ct);
        var deciders = uses.Select(u => u.DecidedByUserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => deciders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Rows = [.. uses.OrderByDescending(u => u.StartsOn).Select(u => new Row(u.Reference, u.Title, u.Justification, u.SourcePurposeCode,
            u.PeopleConcerned, u.StartsOn, u.EndsOn, u.Status, names.GetValueOrDefault(u.DecidedByUserId ?? "", "?"), u.DecisionReasons, u.IsInForce(now)))];
    }
}
