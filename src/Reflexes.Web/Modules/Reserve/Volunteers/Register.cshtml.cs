using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Reserve.Skills;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>A coordinator registers a volunteer who signed up by phone, on paper or at a counter, with their agreement.</summary>
[Authorize(Policy = ReserveModule.CoordinationPolicy)]
public sealed class RegisterModel(VolunteerDesk desk, ReflexesDbContext db, SkillCatalogue catalogue) : VolunteerFormPage(db, catalogue)
{
    [BindProperty] public ConsentChannel Channel { get; set; } = ConsentChannel.Phone;
    [BindProperty] public string? OnBehalfOf { get; set; }
    [BindProperty] public bool Consent { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadListsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadListsAsync(ct);
        var (profile, place) = await ReadProfileAsync(desk, ct);
        if (Channel == ConsentChannel.SelfService || !Enum.IsDefined(Channel))
        {
            Errors.Add(nameof(Channel), "registry.error.channel");
        }

        if (!Consent)
        {
            Errors.Add(nameof(Consent), "volunteer.error.consent-agent");
        }

        if (profile is null || Errors.Any)
        {
            return Page();
        }

        var volunteer = await desk.RegisterOnBehalfAsync(profile, place, Channel, string.IsNullOrWhiteSpace(OnBehalfOf) ? null : OnBehalfOf.Trim(),
            User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        TempData["Flash"] = "volunteer.registered";
        return Redirect("/reserve/volunteers/" + volunteer.Id);
    }
}
