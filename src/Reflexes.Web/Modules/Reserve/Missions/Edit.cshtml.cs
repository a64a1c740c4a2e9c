using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Reserve.Missions;

/// <summary>Writes a new mission or revises a draft (or a returned one), with its half-day slots; saves it as a draft or submits it.</summary>
[Authorize(Policy = ReserveModule.PostingPolicy)]
public sealed class EditModel(MissionDesk desk) : PageModel
{
    /// <summary>Empty slot rows offered under the filled ones; more come with "add rows" (no script needed).</summary>
    public const int BlankRows = 3;

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string Description { get; set; } = "";
    [BindProperty] public Guid? OrganisationId { get; set; }
    [BindProperty] public MissionSource Source { get; set; } = MissionSource.Organisation;
    [BindProperty] public Guid? NeighbourhoodId { get; set; }
    [BindProperty] public string Place { get; set; } = "";
    [BindProperty] public string? Lat { get; set; }
    [BindProperty] public string? Lon { get; set; }
    [BindProperty] public List<string> Skills { get; set; } = [];
    [BindProperty] public List<string> Languages { get; set; } = [];
    [BindProperty] public MissionPriority Priority { get; set; } = MissionPriority.Normal;
    [BindProperty] public List<string?> SlotDate { get; set; } = [];
    [BindProperty] public List<string?> SlotPeriod { get; set; } = [];
    [BindProperty] public List<string?> SlotNeeded { get; set; } = [];
    [BindProperty] public int Rows { get; set; }

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public IReadOnlyList<Neighbourhood> Neighbourhoods { get; private set; } = [];

    public IReadOnlyDictionary<string, string> SkillOptions { get; private set; } = new Dictionary<string, string>();

    public string? ReturnReason { get; private set; }

    public bool IsCoordinator => MissionDesk.IsCoordinator(User);

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Id is { } id)
        {
            var mission = await desk.FindAsync(id, ct);
            if (mission is null)
            {
                return NotFound();
            }

            if (!await desk.MayManageAsync(mission, User, ct) || !mission.IsEditable)
            {
                return Forbid();
            }

            ReturnReason = mission.Reason;
            Title = mission.Title;
            Description = mission.Description;
            OrganisationId = mission.OrganisationId;
            Source = mission.Source;
            NeighbourhoodId = mission.NeighbourhoodId;
            Place = mission.Place;
            Lat = mission.Lat.ToString("0.#####", CultureInfo.InvariantCulture);
            Lon = mission.Lon.ToString("0.#####", CultureInfo.InvariantCulture);
            Skills = [.. MissionVocabulary.Split(mission.Skills)];
            Languages = [.. MissionVocabulary.Split(mission.Languages)];
            Priority = mission.Priority;
            SlotDate = [.. mission.Slots.Select(s => (string?)s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
            SlotPeriod = [.. mission.Slots.Select(s => (string?)s.Period.ToString())];
            SlotNeeded = [.. mission.Slots.Select(s => (string?)s.Needed.ToString(CultureInfo.InvariantCulture))];
        }
        else if (Organisations.Count == 1)
        {
            OrganisationId = Organisations[0].Id;
        }

        Rows = SlotDate.Count + BlankRows;
        return Page();
    }

    /// <summary>Re-renders the form with more empty slot rows, keeping what was typed.</summary>
    public async Task<IActionResult> OnPostMoreRowsAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Rows = Math.Max(Rows, SlotDate.Count) + BlankRows;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool submit, CancellationToken ct)
    {
        await LoadAsync(ct);
        Rows = Math.Max(Rows, SlotDate.Count);
        Mission? mission = null;
        if (Id is { } id)
        {
            mission = await desk.FindAsync(id, ct);
            if (mission is null)
            {
                return NotFound();
            }

            if (!await desk.MayManageAsync(mission, User, ct) || !mission.IsEditable)
            {
                return Forbid();
            }

            ReturnReason = mission.Reason;
        }

        var draft = Draft();
        foreach (var (field, key, args) in await desk.CheckAsync(draft, User, ct))
        {
            Errors.Add(field, key, args);
        }

        if (Errors.Any)
        {
            return Page();
        }

        if (mission is null)
        {
            mission = await desk.PostAsync(draft, User, submit, ct);
        }
        else
        {
            await desk.ReviseAsync(mission, draft, submit, ct);
        }

        if (submit)
        {
            await desk.NotifyCoordinatorsAsync(mission, ct);
        }

        TempData["Flash"] = submit ? "mission.submitted" : "mission.saved";
        return Redirect("/reserve/missions/" + mission.Id);
    }

    private MissionDraft Draft()
    {
        var slots = new List<SlotDraft>();
        var count = Math.Max(SlotDate.Count, Math.Max(SlotPeriod.Count, SlotNeeded.Count));
        for (var i = 0; i < count; i++)
        {
            var date = SlotDate.ElementAtOrDefault(i);
            var period = SlotPeriod.ElementAtOrDefault(i);
            var needed = SlotNeeded.ElementAtOrDefault(i);
            if (string.IsNullOrWhiteSpace(date) && string.IsNullOrWhiteSpace(needed))
            {
                continue; // an untouched row (its half-day select always has a value)
            }

            var parsedDate = DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : DateOnly.MinValue;
            var parsedPeriod = Enum.TryParse<SlotPeriod>(period, ignoreCase: false, out var p) && Enum.IsDefined(p) ? p : (SlotPeriod)(-1);
            var parsedNeeded = int.TryParse(needed?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;
            slots.Add(new SlotDraft(parsedDate, parsedPeriod, parsedNeeded));
        }

        var neighbourhood = Neighbourhoods.FirstOrDefault(x => x.Id == NeighbourhoodId);
        var lat = Coordinate(Lat);
        var lon = Coordinate(Lon);
        if (string.IsNullOrWhiteSpace(Lat) && string.IsNullOrWhiteSpace(Lon) && neighbourhood is not null && MissionDesk.Centre(neighbourhood) is { } centre)
        {
            (lat, lon) = (centre.Lat, centre.Lon);
        }

        var source = IsCoordinator ? Source : MissionSource.Organisation;
        return new MissionDraft(Title ?? "", Description ?? "", OrganisationId, source, NeighbourhoodId, Place ?? "", lat, lon,
            Skills, Languages, Priority, slots);
    }

    private static double? Coordinate(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

    private async Task LoadAsync(CancellationToken ct)
    {
        Organisations = await desk.OrganisationsForAsync(User, ct);
        Neighbourhoods = await desk.NeighbourhoodsAsync(ct);
        SkillOptions = await desk.SkillLabelsAsync(ct);
    }
}
