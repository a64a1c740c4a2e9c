using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Skills;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>
/// The coordination unit's list of the reserve's members whose data may be used for matching, with filters, pages of
/// 50 and a CSV export of the filtered list (each exported person's read journaled as "reserve.volunteer-export").
/// </summary>
[Authorize(Policy = ReserveModule.CoordinationPolicy)]
public sealed class IndexModel(VolunteerDesk desk, SkillCatalogue catalogue, ReflexesDbContext db, IStringLocalizer text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Skill { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public string? NeighbourhoodId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Day { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "n")] public int PageSize { get; set; } = VolunteerFilter.PageSize;

    public static readonly IReadOnlyList<int> PageSizes = [10, 25, 50, 100];

    public VolunteerDesk.Listing Listing { get; private set; } = new([], 0);

    /// <summary>The members matching the filters (all pages).</summary>
    public IReadOnlyList<VolunteerDesk.Details> Matching { get; private set; } = [];

    public IReadOnlyList<VolunteerDesk.Details> Shown { get; private set; } = [];

    public int Pages => Math.Max(1, (Matching.Count + PageSize - 1) / PageSize);

    public FormErrors Errors { get; } = new();

    public IReadOnlyList<SkillCatalogue.Entry> SkillTree { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> SkillNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> Neighbourhoods { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync("reserve.volunteer-list", ct);
        if (!PageSizes.Contains(PageSize))
        {
            PageSize = VolunteerFilter.PageSize;
        }

        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Shown = [.. Matching.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
    }

    /// <summary>The filtered list as CSV (what the purpose covers: identity, skills and languages, neighbourhood, availability).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        await LoadAsync("reserve.volunteer-export", ct);
        if (Errors.Any)
        {
            return Page();
        }

        var lines = new List<string>
        {
            VolunteerFilter.Line([text["field.last-name"], text["field.first-name"], text["volunteer.kind"], text["volunteer.neighbourhood"],
                text["volunteer.skills"], text["volunteer.languages"], text["volunteer.half-days-a-week"]]),
        };
        foreach (var d in Matching)
        {
            var v = d.Volunteer;
            lines.Add(VolunteerFilter.Line([v.LastName, v.FirstName, text["volunteer.kind." + v.Kind],
                v.NeighbourhoodId is { } n ? Neighbourhoods.GetValueOrDefault(n, "") : "",
                string.Join(" ; ", d.MainSkills.Select(s => SkillNames.GetValueOrDefault(s, "?"))),
                string.Join(" ; ", v.LanguageList),
                v.Pattern.Except(v.Never).Count.ToString(CultureInfo.InvariantCulture)]));
        }

        return File(VolunteerFilter.Utf8WithBom(string.Join("\r\n", lines) + "\r\n"), "text/csv; charset=utf-8", "volontaires.csv");
    }

    /// <summary>The query string of the current filters, for paging and export links.</summary>
    public string Query(int? page = null, string? handler = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("Skill", Skill);
        Add("Language", Language);
        Add("NeighbourhoodId", NeighbourhoodId);
        Add("Kind", Kind);
        Add("Day", Day);
        Add("Period", Period);
        Add("Q", Q);
        Add("n", PageSize == VolunteerFilter.PageSize ? null : PageSize.ToString(CultureInfo.InvariantCulture));
        Add("p", page?.ToString(CultureInfo.InvariantCulture));
        Add("handler", handler);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private async Task LoadAsync(string action, CancellationToken ct)
    {
        SkillTree = await catalogue.TreeAsync(ct);
        SkillNames = SkillTree.ToDictionary(s => s.Id, s => s.Name);
        Neighbourhoods = await db.Neighbourhoods.AsNoTracking().ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        var filter = Filter();
        Listing = await desk.ListAsync(User, action, ct);
        if (filter is null)
        {
            Matching = [];
            return;
        }

        var parents = await catalogue.ParentsAsync(ct);
        Matching = [.. Listing.Shown.Where(d => filter.Matches(d, parents))];
    }

    /// <summary>The filter the query asks for, or null (with errors tied to the fields) when part of it is not understood.</summary>
    private VolunteerFilter? Filter()
    {
        Guid? skill = null, hood = null;
        VolunteerKind? kind = null;
        VolunteerHalfDay? freeOn = null;
        if (!string.IsNullOrWhiteSpace(Skill))
        {
            if (Guid.TryParse(Skill, out var s) && SkillNames.ContainsKey(s))
            {
                skill = s;
            }
            else
            {
                Errors.Add(nameof(Skill), "volunteers.filter.error.skill");
            }
        }

        if (!string.IsNullOrWhiteSpace(NeighbourhoodId))
        {
            if (Guid.TryParse(NeighbourhoodId, out var n) && Neighbourhoods.ContainsKey(n))
            {
                hood = n;
            }
            else
            {
                Errors.Add(nameof(NeighbourhoodId), "volunteers.filter.error.neighbourhood");
            }
        }

        if (!string.IsNullOrWhiteSpace(Kind))
        {
            if (Enum.TryParse<VolunteerKind>(Kind, ignoreCase: false, out var k) && Enum.IsDefined(k))
            {
                kind = k;
            }
            else
            {
                Errors.Add(nameof(Kind), "volunteers.filter.error.kind");
            }
        }

        if (!string.IsNullOrWhiteSpace(Language) && !(Language.Length is 2 or 3 && Language.All(char.IsAsciiLetterLower)))
        {
            Errors.Add(nameof(Language), "volunteers.filter.error.language");
        }

        if (!string.IsNullOrWhiteSpace(Day) || !string.IsNullOrWhiteSpace(Period))
        {
            var dayOk = DateOnly.TryParseExact(Day?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
            var periodOk = Enum.TryParse<VolunteerPeriod>(Period, ignoreCase: false, out var period) && Enum.IsDefined(period);
            if (!dayOk)
            {
                Errors.Add(nameof(Day), "volunteers.filter.error.day");
            }

            if (!periodOk)
            {
                Errors.Add(nameof(Period), "volunteers.filter.error.period");
            }

            if (dayOk && periodOk)
            {
                freeOn = new VolunteerHalfDay(day, period);
            }
        }

        return Errors.Any ? null : new VolunteerFilter(skill, string.IsNullOrWhiteSpace(Language) ? null : Language, hood, kind, freeOn, Q);
    }
}
