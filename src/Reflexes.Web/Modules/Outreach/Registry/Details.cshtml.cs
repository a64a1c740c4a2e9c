using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>One registration, read under the register's purpose (and recorded); withdrawn at the person's request.</summary>
[Authorize(Policy = OutreachModule.Policy)]
public sealed class DetailsModel(RegistryDesk desk, RightsIntake rights, ConsentRecording consents) : PageModel
{
    public Registrant? Registrant { get; private set; }

    public IReadOnlyList<RegistrantMerge> Merges { get; private set; } = [];

    public IReadOnlyList<ConsentRecording.PurposeChoice> ConsentPurposes { get; private set; } = [];

    /// <summary>The purposes the person agreed to on the confirmation call.</summary>
    [BindProperty]
    public List<string> Purposes { get; set; } = [];

    public AccessDecision? Refusal { get; private set; }

    [BindProperty]
    public ConsentChannel Channel { get; set; } = ConsentChannel.Phone;

    [BindProperty]
    public string? OnBehalfOf { get; set; }

    [BindProperty]
    public RightKind? Right { get; set; }

    [BindProperty]
    public string? RightDetails { get; set; }

    [BindProperty]
    public bool IdentityChecked { get; set; }

    public Platform.Forms.FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (registrant, decision) = await desk.GetAsync(id, "outreach.registry-read", User, ct);
        if (decision is null)
        {
            return NotFound();
        }

        Registrant = registrant;
        Refusal = registrant is null ? decision : null;
        if (Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        await LoadAsync(registrant!, ct);
        Purposes = [.. registrant!.RequestedPurposeList];
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        var (registrant, decision) = await desk.GetAsync(id, "outreach.registry-read", User, ct);
        if (decision is null || registrant is null || registrant.Status != RegistrantStatus.ToConfirm)
        {
            return NotFound();
        }

        Registrant = registrant;
        await LoadAsync(registrant, ct);
        if (!Purposes.Contains(RegistryDesk.Purpose) || Purposes.Any(p => ConsentPurposes.All(c => c.Code != p)))
        {
            Errors.Add(nameof(Purposes), "registry.error.purposes");
        }

        if (Channel == ConsentChannel.SelfService || !Enum.IsDefined(Channel))
        {
            Errors.Add(nameof(Channel), "registry.error.channel");
        }

        if (Errors.Any)
        {
            return Page();
        }

        await desk.ConfirmAsync(id, Channel, Purposes, User, ct);
        TempData["Flash"] = "registry.confirmed";
        return Redirect("/outreach/registry/" + id);
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct)
    {
        if (!await desk.DeclineAsync(id, User, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = "registry.declined";
        return Redirect("/outreach/registry/to-confirm");
    }

    private async Task LoadAsync(Registrant registrant, CancellationToken ct)
    {
        Merges = await desk.MergesAsync(registrant, ct);
        ConsentPurposes = await consents.ConsentPurposesAsync(ct);
    }

    public async Task<IActionResult> OnPostRightsAsync(Guid id, CancellationToken ct)
    {
        var (registrant, decision) = await desk.GetAsync(id, "outreach.registry-rights", User, ct);
        if (decision is null || registrant is null)
        {
            return NotFound();
        }

        Registrant = registrant;
        await LoadAsync(registrant, ct);
        if (Right is null || !Enum.IsDefined(Right.Value))
        {
            Errors.Add(nameof(Right), "rights.error.kind");
        }

        if (!IdentityChecked)
        {
            Errors.Add(nameof(IdentityChecked), "registry.error.identity");
        }

        if ((RightDetails?.Trim().Length ?? 0) > 2000 || (Right is RightKind.Rectification or RightKind.Objection && string.IsNullOrWhiteSpace(RightDetails)))
        {
            Errors.Add(nameof(RightDetails), "rights.error.details");
        }

        if (Channel == ConsentChannel.SelfService || !Enum.IsDefined(Channel))
        {
            Errors.Add(nameof(Channel), "registry.error.channel");
        }

        if (Errors.Any)
        {
            return Page();
        }

        await rights.FileThroughAgentAsync(registrant.SubjectId, Right!.Value, RightDetails ?? "", Channel,
            User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value, ct);
        TempData["Flash"] = "registry.rights-filed";
        return Redirect("/outreach/registry/" + id);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        if (Channel == ConsentChannel.SelfService || !Enum.IsDefined(Channel))
        {
            return BadRequest();
        }

        if (!await desk.WithdrawAsync(id, Channel, OnBehalfOf, User, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = "registry.withdrawn";
        return Redirect("/outreach/registry");
    }
}
