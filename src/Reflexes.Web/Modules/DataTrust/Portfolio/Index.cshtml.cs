using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.DataTrust.Consents;
using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.DataTrust.Portfolio;

/// <summary>The right of access: everything Reflexes holds about the signed-in person, readable.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(PersonalPortfolio portfolio, ConsentLedger ledger) : PageModel
{
    public IReadOnlyList<PersonalPortfolio.Section> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var subject = await ledger.SubjectOfUserAsync(userId, ct);
        Sections = await portfolio.GatherAsync(new SubjectRef(subject.Id, userId), "rights.access", User, ct);
    }
}
