using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>
/// The review of a staged import: for each proposed duplicate, the agent merges (choosing the value of
/// every field that differs) or keeps both; then the whole list is imported at once (ADR 0531, 0532).
/// </summary>
[Authorize(Policy = RegistryServices.ImportPolicy)]
public sealed class ImportReviewModel(RegistryImporter importer) : PageModel
{
    public RegistryImporter.Review? Review { get; private set; }

    public FormErrors Errors { get; } = new();

    /// <summary>The decisions as posted, shown again when something must be fixed.</summary>
    public IReadOnlyDictionary<Guid, RegistryImporter.PairDecision> Posted { get; private set; } = new Dictionary<Guid, RegistryImporter.PairDecision>();

    public static string DecisionField(Guid pair) => "d-" + pair.ToString("N");

    public static string ChoiceField(Guid pair, string field) => "c-" + pair.ToString("N") + "-" + field;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Review = await importer.ReviewAsync(id, User, ct);
        return Review is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(Guid id, CancellationToken ct)
    {
        Review = await importer.ReviewAsync(id, User, ct);
        if (Review is null)
        {
            return NotFound();
        }

        var decisions = new Dictionary<Guid, RegistryImporter.PairDecision>();
        foreach (var pair in Review.Pairs)
        {
            var decision = Request.Form[DecisionField(pair.Id)].ToString();
            if (decision is not ("merge" or "keep"))
            {
                continue;
            }

            var choices = RegistrantMerging.Fields
                .Select(f => (Field: f, Value: Request.Form[ChoiceField(pair.Id, f)].ToString()))
                .Where(c => c.Value is RegistrantMerging.Kept or RegistrantMerging.Absorbed)
                .ToDictionary(c => c.Field, c => c.Value, StringComparer.Ordinal);
            decisions[pair.Id] = new RegistryImporter.PairDecision(decision == "merge", choices);
        }

        Posted = decisions;
        var problems = await importer.CommitAsync(id, decisions, User, ct);
        if (problems.Count == 0)
        {
            TempData["Flash"] = "registry.import.done";
            return Redirect("/outreach/registry/import/" + id);
        }

        foreach (var (pairId, key) in problems)
        {
            Errors.Add(pairId is { } p ? "pair-" + p.ToString("N") : "review", key, PairNumber(pairId));
        }

        Review = await importer.ReviewAsync(id, User, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (!await importer.CancelAsync(id, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = "registry.import.cancelled";
        return Redirect("/outreach/registry/import");
    }

    public int PairNumber(Guid? pairId) =>
        Review is null || pairId is null ? 0 : Review.Pairs.Select((p, i) => (p.Id, i)).FirstOrDefault(x => x.Id == pairId).i + 1;
}
