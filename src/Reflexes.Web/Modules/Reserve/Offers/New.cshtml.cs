using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Reserve.Offers;

/// <summary>A resident offers help in their own words; the coordination unit finds it a use.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NewModel(OfferDesk desk, ReflexesDbContext db, UserManager<ReflexesUser> users) : PageModel
{
    [BindProperty] public string Text { get; set; } = "";
    [BindProperty] public Guid? NeighbourhoodId { get; set; }
    [BindProperty] public bool Consent { get; set; }

    public IReadOnlyDictionary<Guid, string> Neighbourhoods { get; private set; } = new Dictionary<Guid, string>();

    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (string.IsNullOrWhiteSpace(Text) || Text.Trim().Length > OfferOfHelp.TextMaxLength)
        {
            Errors.Add(nameof(Text), "offer.error.text", OfferOfHelp.TextMaxLength);
        }

        if (NeighbourhoodId is { } n && !Neighbourhoods.ContainsKey(n))
        {
            Errors.Add(nameof(NeighbourhoodId), "offer.error.neighbourhood");
        }

        if (!Consent)
        {
            Errors.Add(nameof(Consent), "offer.error.consent");
        }

        if (Errors.Any)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        await desk.PostAsync(User, user?.DisplayName ?? "", Text, NeighbourhoodId, ct);
        TempData["Flash"] = "offer.posted";
        return Redirect("/reserve/offers/mine");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Neighbourhoods = await db.Neighbourhoods.AsNoTracking().OrderBy(n => n.Name).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
}
