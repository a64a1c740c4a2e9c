using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Outreach.Campaigns;

/// <summary>Prepares a campaign (new, or a draft): purpose, target filters, script with typed questions, retry and follow-up rules.</summary>
[Authorize(Policy = CampaignsServices.LeadPolicy)]
public sealed class EditModel(CampaignDesk desk, ConsentRecording consents, ReflexesDbContext db) : PageModel
{
    /// <summary>Question rows offered by the form (empty rows are ignored).</summary>
    public const int QuestionRows = 8;

    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string PurposeCode { get; set; } = CampaignDesk.DefaultPurpose;
    [BindProperty] public Guid? NeighbourhoodId { get; set; }
    [BindProperty] public EligibilityGround? Ground { get; set; }
    [BindProperty] public int? MinAge { get; set; }
    [BindProperty] public int? MaxAge { get; set; }
    [BindProperty] public int? NotContactedForDays { get; set; }
    [BindProperty] public string Introduction { get; set; } = "";
    [BindProperty] public string Closing { get; set; } = "";
    [BindProperty] public Dictionary<int, string?> QuestionText { get; set; } = [];
    [BindProperty] public Dictionary<int, ScriptAnswerKind> QuestionKind { get; set; } = [];
    [BindProperty] public Dictionary<int, string?> QuestionChoices { get; set; } = [];
    [BindProperty] public int RetryAfterHours { get; set; } = CampaignRules.Default.RetryAfterHours;
    [BindProperty] public int MaxAttempts { get; set; } = CampaignRules.Default.MaxAttempts;
    [BindProperty] public int? FollowUpEveryDays { get; set; }
    [BindProperty] public int ReservationMinutes { get; set; } = CampaignRules.Default.ReservationMinutes;

    public Guid? Id { get; private set; }

    public IReadOnlyList<ConsentRecording.PurposeChoice> Purposes { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Neighbourhoods { get; private set; } = new Dictionary<Guid, string>();

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        await LoadAsync(ct);
        Id = id;
        if (id is null)
        {
            return Page();
        }

        var campaign = await desk.GetAsync(id.Value, ct);
        if (campaign is null)
        {
            return NotFound();
        }

        if (campaign.Status != CampaignStatus.Draft)
        {
            return Redirect("/outreach/campaigns/" + id);
        }

        Name = campaign.Name;
        PurposeCode = campaign.PurposeCode;
        (NeighbourhoodId, MinAge, MaxAge, Ground, NotContactedForDays) = campaign.Targeting;
        var script = campaign.Script;
        Introduction = script.Introduction;
        Closing = script.Closing;
        QuestionText = script.Questions.Select((q, i) => (q, i)).ToDictionary(x => x.i, x => (string?)x.q.Text);
        QuestionKind = script.Questions.Select((q, i) => (q, i)).ToDictionary(x => x.i, x => x.q.Kind);
        QuestionChoices = script.Questions.Select((q, i) => (q, i)).ToDictionary(x => x.i, x => (string?)string.Join("; ", x.q.Choices));
        (RetryAfterHours, MaxAttempts, FollowUpEveryDays, ReservationMinutes) = campaign.Rules;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        await LoadAsync(ct);
        Id = id;
        var questions = new List<ScriptQuestion>();
        var rows = new List<int>();
        for (var i = 0; i < QuestionRows; i++)
        {
            if (string.IsNullOrWhiteSpace(QuestionText.GetValueOrDefault(i)))
            {
                continue;
            }

            var kind = QuestionKind.GetValueOrDefault(i, ScriptAnswerKind.Text);
            var choices = kind == ScriptAnswerKind.Choice && QuestionChoices.GetValueOrDefault(i) is { } c
                ? c.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList()
                : [];
            questions.Add(new ScriptQuestion(QuestionText[i]!, kind, choices));
            rows.Add(i);
        }

        var settings = new CampaignSettings(Name ?? "", PurposeCode ?? "",
            new CampaignTargeting(NeighbourhoodId, MinAge, MaxAge, Ground, NotContactedForDays),
            new CampaignScript(Introduction ?? "", questions, Closing ?? ""),
            new CampaignRules(RetryAfterHours, MaxAttempts, FollowUpEveryDays, ReservationMinutes));
        foreach (var (field, key) in settings.Validate())
        {
            // Question errors point at the form row the question came from.
            Errors.Add(field.StartsWith("Question", StringComparison.Ordinal) && int.TryParse(field.AsSpan(8), out var q) ? "QuestionText_" + rows[q] : field, key);
        }

        if (Purposes.All(p => p.Code != PurposeCode))
        {
            Errors.Add(nameof(PurposeCode), "campaign.error.purpose");
        }

        if (NeighbourhoodId is { } n && !Neighbourhoods.ContainsKey(n))
        {
            Errors.Add(nameof(NeighbourhoodId), "registry.error.neighbourhood");
        }

        if (Errors.Any)
        {
            return Page();
        }

        if (id is { } existing)
        {
            if (!await desk.ChangeAsync(existing, settings, ct))
            {
                return NotFound();
            }

            TempData["Flash"] = "campaign.saved";
            return Redirect("/outreach/campaigns/" + existing);
        }

        var campaign = await desk.CreateAsync(settings, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        TempData["Flash"] = "campaign.saved";
        return Redirect("/outreach/campaigns/" + campaign.Id);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Purposes = await consents.ConsentPurposesAsync(ct);
        Neighbourhoods = await db.Neighbourhoods.AsNoTracking().OrderBy(n => n.Name).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
    }
}
