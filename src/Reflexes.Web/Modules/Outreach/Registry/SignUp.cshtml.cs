using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>
/// The public registration form of the heat-wave and cold-spell register, open without an account: the
/// person registers themself (consent recorded as self-service, with a receipt) or someone fills it in for
/// them (kept as to be confirmed by phone: ADR 0530). No proof is asked. A signed-in resident's form is
/// prefilled and the registration belongs to their account.
/// </summary>
[AllowAnonymous]
public sealed class SignUpModel(
    RegistryDesk desk, ConsentRecording consents, PublicFormThrottle throttle, UserManager<ReflexesUser> users, ReflexesDbContext db, TimeProvider clock)
    : PageModel, IPersonFields
{
    public const string DoneKind = "registry.done.kind";
    public const string DoneReceipts = "registry.done.receipts";

    [BindProperty] public string FirstName { get; set; } = "";
    [BindProperty] public string LastName { get; set; } = "";
    [BindProperty] public DateOnly? BirthDate { get; set; }
    [BindProperty] public string Address { get; set; } = "";
    [BindProperty] public Guid? NeighbourhoodId { get; set; }
    [BindProperty] public string Phone { get; set; } = "";
    [BindProperty] public string? OtherPhone { get; set; }
    [BindProperty] public string? AlertContact { get; set; }
    [BindProperty] public EligibilityGround? Ground { get; set; }
    [BindProperty] public RegisteredBy? FilledBy { get; set; }
    [BindProperty] public string? RequesterName { get; set; }
    [BindProperty] public string? RequesterContact { get; set; }
    [BindProperty] public List<string> Purposes { get; set; } = [];

    /// <summary>The honeypot: hidden from people, filled in by robots.</summary>
    [BindProperty] public string? Website { get; set; }

    public IReadOnlyList<ConsentRecording.PurposeChoice> ConsentPurposes { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Neighbourhoods { get; private set; } = new Dictionary<Guid, string>();

    public FormErrors Errors { get; } = new();

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    /// <summary>The signed-in person already has a registration in force.</summary>
    public bool AlreadyRegistered { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Purposes = [RegistryDesk.Purpose];
        if (!SignedIn)
        {
            return;
        }

        if (AlreadyRegistered)
        {
            FilledBy = RegisteredBy.Relative;
            return;
        }

        FilledBy = RegisteredBy.Self;
        if (await users.GetUserAsync(User) is { } user)
        {
            var name = user.DisplayName.Trim();
            var space = name.IndexOf(' ', StringComparison.Ordinal);
            (FirstName, LastName) = space > 0 ? (name[..space], name[(space + 1)..]) : (name, "");
            Phone = user.PhoneNumber ?? "";
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Website))
        {
            // A robot: it is told nothing and nothing is kept.
            TempData[DoneKind] = "third";
            return Redirect("/heatwave-register/done");
        }

        if (!await throttle.TryAcquireAsync(HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", ct))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        await LoadAsync(ct);
        var details = this.ReadDetails(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

        if (FilledBy is not { } filledBy || !Enum.IsDefined(filledBy))
        {
            Errors.Add(nameof(FilledBy), "registry.signup.error.filled-by");
        }
        else if (filledBy != RegisteredBy.Self)
        {
            if (string.IsNullOrWhiteSpace(RequesterName) || RequesterName.Trim().Length > 150)
            {
                Errors.Add(nameof(RequesterName), "registry.signup.error.requester");
            }

            if (RequesterContact?.Trim().Length > 140)
            {
                Errors.Add(nameof(RequesterContact), "registry.error.alert");
            }
        }
        else if (AlreadyRegistered)
        {
            Errors.Add(nameof(FilledBy), "registry.signup.error.already");
        }

        if (!Purposes.Contains(RegistryDesk.Purpose) || Purposes.Any(p => ConsentPurposes.All(c => c.Code != p)))
        {
            Errors.Add(nameof(Purposes), "registry.error.purposes");
        }

        if (Errors.Any)
        {
            return Page();
        }

        if (FilledBy == RegisteredBy.Self)
        {
            var outcome = await desk.RegisterSelfAsync(details, Purposes, User, ct);
            if (outcome is null)
            {
                Errors.Add(nameof(FilledBy), "registry.signup.error.already");
                return Page();
            }

            TempData[DoneKind] = SignedIn ? "self-account" : "self";
            TempData[DoneReceipts] = string.Join(';', outcome.Receipts.Select(r => r.Purpose + ":" + r.Receipt.ToString("D", CultureInfo.InvariantCulture)));
        }
        else
        {
            var requester = RequesterName!.Trim() + (string.IsNullOrWhiteSpace(RequesterContact) ? "" : " — " + RequesterContact.Trim());
            await desk.RequestForSomeoneAsync(details, FilledBy!.Value, requester, Purposes, User, ct);
            TempData[DoneKind] = "third";
        }

        return Redirect("/heatwave-register/done");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ConsentPurposes = await consents.ConsentPurposesAsync(ct);
        Neighbourhoods = await db.Neighbourhoods.AsNoTracking().OrderBy(n => n.Name).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        AlreadyRegistered = SignedIn && await desk.OwnAsync(User, ct) is { WithdrawnAtUtc: null };
    }
}
