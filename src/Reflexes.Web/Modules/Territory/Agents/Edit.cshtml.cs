using System.Net.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Territory.Agents;

[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(ReflexesDbContext db) : PageModel
{
    [BindProperty]
    public string FirstName { get; set; } = "";

    [BindProperty]
    public string LastName { get; set; } = "";

    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string? JobTitle { get; set; }

    [BindProperty]
    public Guid? ServiceId { get; set; }

    [BindProperty]
    public Guid? ManagerId { get; set; }

    public bool IsNew { get; private set; } = true;

    public IReadOnlyDictionary<Guid, string> Services { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> Managers { get; private set; } = new Dictionary<Guid, string>();

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        await LoadChoicesAsync(id, ct);
        if (id is null)
        {
            return Page();
        }

        var a = await db.Agents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return NotFound();
        }

        (IsNew, FirstName, LastName, Email, JobTitle, ServiceId, ManagerId) = (false, a.FirstName, a.LastName, a.Email, a.JobTitle, a.ServiceId, a.ManagerId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        IsNew = id is null;
        await LoadChoicesAsync(id, ct);
        var existing = id is null ? null : await db.Agents.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (id is not null && existing is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(FirstName) || FirstName.Trim().Length > 100)
        {
            Errors.Add("FirstName", "agents.error.first-name");
        }

        if (string.IsNullOrWhiteSpace(LastName) || LastName.Trim().Length > 100)
        {
            Errors.Add("LastName", "agents.error.last-name");
        }

        var email = Email.Trim().ToLowerInvariant();
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            Errors.Add("Email", "import.error.bad-email", Email);
        }
        else if (await db.Agents.AnyAsync(a => a.Email == email && a.Id != id, ct))
        {
            Errors.Add("Email", "agents.error.email-taken");
        }

        if (ServiceId is null || !Services.ContainsKey(ServiceId.Value))
        {
            Errors.Add("ServiceId", "agents.error.service");
        }

        if (ManagerId is { } manager && (!Managers.ContainsKey(manager) || await CreatesCycleAsync(id, manager, ct)))
        {
            Errors.Add("ManagerId", "import.error.cycle");
        }

        if (Errors.Any)
        {
            return Page();
        }

        if (existing is null)
        {
            db.Agents.Add(Agent.Create(FirstName, LastName, email, JobTitle, ServiceId!.Value, ManagerId));
        }
        else
        {
            existing.Update(FirstName, LastName, email, JobTitle, ServiceId!.Value, ManagerId);
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "form.saved";
        return Redirect("/territory/agents");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid? id, CancellationToken ct)
    {
        var existing = await db.Agents.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (existing is null)
        {
            return NotFound();
        }

        if (await db.Agents.AnyAsync(a => a.ManagerId == id, ct))
        {
            await LoadChoicesAsync(id, ct);
            (IsNew, FirstName, LastName, Email, JobTitle, ServiceId, ManagerId) =
                (false, existing.FirstName, existing.LastName, existing.Email, existing.JobTitle, existing.ServiceId, existing.ManagerId);
            Errors.Add("ManagerId", "agents.error.manages-others");
            return Page();
        }

        db.Agents.Remove(existing);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "form.deleted";
        return Redirect("/territory/agents");
    }

    private async Task LoadChoicesAsync(Guid? id, CancellationToken ct)
    {
        Services = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Service)
            .OrderBy(o => o.Name).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var agents = await db.Agents.AsNoTracking().Where(a => a.Id != id).OrderBy(a => a.LastName).ThenBy(a => a.FirstName).ToListAsync(ct);
        Managers = agents.ToDictionary(a => a.Id, a => $"{a.FullName} ({a.Email})");
    }

    private async Task<bool> CreatesCycleAsync(Guid? id, Guid manager, CancellationToken ct)
    {
        if (id is null)
        {
            return false;
        }

        var managers = await db.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ManagerId, ct);
        var seen = new HashSet<Guid>();
        for (Guid? current = manager; current is { } c; current = managers.GetValueOrDefault(c))
        {
            if (c == id || !seen.Add(c))
            {
                return true;
            }
        }

        return false;
    }
}
