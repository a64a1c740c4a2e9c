using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>An agent registers a person who called, wrote or came in, with the purposes they agreed to. No proof is asked.</summary>
[Authorize(Policy = OutreachModule.Policy)]
public sealed class RegisterModel(RegistryDesk desk, ConsentRecording consents, ReflexesDbContext db, TimeProvider clock) : PageModel, IPersonFields
{
    [BindProperty] public string FirstName { get; set; } = "";
    [BindProperty] public string LastName { get; set; } = "";
    [BindProperty] public DateOnly? BirthDate { get; set; }
    [BindProperty] public string Address { get; set; } = "";
    [BindProperty] public Guid? NeighbourhoodId { get; set; }
    [BindProperty] public string Phone { get; set; } = "";
    [BindProperty] public string? OtherPhone { get; set; }
    [BindProperty] public string? AlertContact { get; set; }
    [BindProperty] public EligibilityGround? Ground { get; set; }
    [BindProperty] public RegisteredBy RegisteredBy { get; set; } = RegisteredBy.Self;
    [BindProperty] public string? OnBehalfOf { get; set; }
    [BindProperty] public ConsentChannel Channel { get; set; } = ConsentChannel.Phone;
    [BindProperty] public List<string> Purposes { get; set; } = [];

    public IReadOnlyList<ConsentRecording.PurposeChoice> ConsentPurposes { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Neighbourhoods { get; private set; } = new Dictionary<Guid, string>();

    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var details = this.ReadDetails(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

        if (!Purposes.Contains(RegistryDesk.Purpose) || Purposes.Any(p => ConsentPurposes.All(c => c.Code != p)))
        {
            Errors.Add(nameof(Purposes), "registry.error.purposes");
        }

        if (Channel == ConsentChannel.SelfService || !Enum.IsDefined(Channel) || !Enum.IsDefined(RegisteredBy))
        {
            Errors.Add(nameof(Channel), "registry.error.channel");
        }

        if (RegisteredBy != RegisteredBy.Self && string.IsNullOrWhiteSpace(OnBehalfOf))
        {
            Errors.Add(nameof(OnBehalfOf), "registry.error.on-behalf");
        }

        if (Errors.Any)
        {
            return Page();
        }

        var registrant = await desk.RegisterAsync(details, RegisteredBy, RegisteredBy == RegisteredBy.Self ? null : OnBehalfOf, Channel, Purposes,
            User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        TempData["Flash"] = "registry.registered";
        return Redirect("/outreach/registry/" + registrant.Id);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ConsentPurposes = await consents.ConsentPurposesAsync(ct);
        Neighbourhoods = await db.Neighbourhoods.AsNoTracking().OrderBy(n => n.Name).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
    }
}
