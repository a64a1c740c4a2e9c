using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Skills;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>
/// The volunteer profile form, shared by self sign-up, a coordinator's registration and corrections:
/// its fields as posted (text, so that bad input gets a message instead of vanishing), the lists it
/// offers, and the conversion to a <see cref="VolunteerProfile"/> with errors tied to fields.
/// </summary>
public abstract class VolunteerFormPage(ReflexesDbContext db, SkillCatalogue catalogue) : PageModel
{
    /// <summary>Languages offered as checkboxes (ISO 639 codes); others can be typed.</summary>
    public static readonly IReadOnlyList<string> CommonLanguages =
        ["fr", "en", "ar", "es", "pt", "it", "de", "tr", "ro", "pl", "ru", "uk", "zh", "vi", "ta", "wo", "bm", "ber", "fsl"];

    /// <summary>Blank rows offered for new dated exceptions (the form works without script).</summary>
    public const int BlankExceptionRows = 3;

    [BindProperty] public string FirstName { get; set; } = "";
    [BindProperty] public string LastName { get; set; } = "";
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? NeighbourhoodId { get; set; }
    [BindProperty] public string? Latitude { get; set; }
    [BindProperty] public string? Longitude { get; set; }
    [BindProperty] public string MaxDistanceKm { get; set; } = "5";
    [BindProperty] public string MaxHalfDaysPerWeek { get; set; } = "2";
    [BindProperty] public string MaxHalfDaysPerMonth { get; set; } = "6";
    [BindProperty] public List<string> Languages { get; set; } = ["fr"];
    [BindProperty] public string? OtherLanguages { get; set; }
    [BindProperty] public List<string> Skills { get; set; } = [];
    [BindProperty] public List<string> SecondarySkills { get; set; } = [];
    [BindProperty] public List<string> Pattern { get; set; } = [];
    [BindProperty] public List<string> Never { get; set; } = [];
    [BindProperty] public List<string> ExceptionDates { get; set; } = [];
    [BindProperty] public List<string> ExceptionPeriods { get; set; } = [];
    [BindProperty] public List<string> ExceptionKinds { get; set; } = [];

    public IReadOnlyList<SkillCatalogue.Entry> SkillTree { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Neighbourhoods { get; private set; } = new Dictionary<Guid, string>();

    public FormErrors Errors { get; } = new();

    protected async Task LoadListsAsync(CancellationToken ct)
    {
        SkillTree = await catalogue.TreeAsync(ct);
        Neighbourhoods = await db.Neighbourhoods.AsNoTracking().OrderBy(n => n.Name).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
    }

    /// <summary>Fills the form from a stored profile.</summary>
    protected void Fill(VolunteerDesk.Details details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var v = details.Volunteer;
        FirstName = v.FirstName;
        LastName = v.LastName;
        Phone = v.Phone;
        Email = v.Email;
        NeighbourhoodId = v.NeighbourhoodId?.ToString();
        Latitude = v.LocationGiven ? v.Latitude.ToString("0.#####", CultureInfo.InvariantCulture) : null;
        Longitude = v.LocationGiven ? v.Longitude.ToString("0.#####", CultureInfo.InvariantCulture) : null;
        MaxDistanceKm = v.MaxDistanceKm.ToString(CultureInfo.InvariantCulture);
        MaxHalfDaysPerWeek = v.MaxHalfDaysPerWeek.ToString(CultureInfo.InvariantCulture);
        MaxHalfDaysPerMonth = v.MaxHalfDaysPerMonth.ToString(CultureInfo.InvariantCulture);
        Languages = [.. v.LanguageList.Where(CommonLanguages.Contains)];
        OtherLanguages = string.Join(", ", v.LanguageList.Where(l => !CommonLanguages.Contains(l)));
        Skills = [.. details.MainSkills.Select(s => s.ToString())];
        SecondarySkills = [.. details.SecondarySkills.Select(s => s.ToString())];
        Pattern = [.. v.Pattern.Cells.Select(c => c.Key)];
        Never = [.. v.Never.Cells.Select(c => c.Key)];
        ExceptionDates = [.. details.Exceptions.Select(e => e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
        ExceptionPeriods = [.. details.Exceptions.Select(e => e.Period.ToString())];
        ExceptionKinds = [.. details.Exceptions.Select(e => e.Available ? "available" : "unavailable")];
    }

    /// <summary>The posted profile, or null with <see cref="Errors"/> filled; <paramref name="place"/> is where the person lives.</summary>
    protected async Task<(VolunteerProfile? Profile, (double Latitude, double Longitude) Place)> ReadProfileAsync(VolunteerDesk desk, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(desk);
        var neighbourhood = ParseGuid(NeighbourhoodId, nameof(NeighbourhoodId), "volunteer.error.neighbourhood");
        var latitude = ParseCoordinate(Latitude, nameof(Latitude), "volunteer.error.latitude");
        var longitude = ParseCoordinate(Longitude, nameof(Longitude), "volunteer.error.longitude");
        var distance = ParseInt(MaxDistanceKm);
        var week = ParseInt(MaxHalfDaysPerWeek);
        var month = ParseInt(MaxHalfDaysPerMonth);
        var languages = Languages.Concat((OtherLanguages ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
            .Select(l => l.Trim().ToLowerInvariant()).Distinct().ToList();
        var skills = ParseSkills(Skills, nameof(Skills));
        var secondary = ParseSkills(SecondarySkills, nameof(SecondarySkills));
        var pattern = ParseWeek(Pattern, nameof(Pattern));
        var never = ParseWeek(Never, nameof(Never));
        var exceptions = ParseExceptions();
        var profile = new VolunteerProfile(
            FirstName ?? "", LastName ?? "", Phone, Email, neighbourhood, latitude, longitude, distance, week, month,
            languages, skills, secondary, pattern, never, exceptions);
        var (errors, place) = await desk.CheckAsync(profile, ct);
        foreach (var (field, key) in errors.Where(e => !Errors.Has(e.Field)))
        {
            Errors.Add(field, key);
        }

        return (Errors.Any ? null : profile, place);
    }

    private Guid? ParseGuid(string? text, string field, string key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        Errors.Add(field, key);
        return null;
    }

    private double? ParseCoordinate(string? text, string field, string key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        Errors.Add(field, key);
        return double.NaN;
    }

    /// <summary>A whole number, or -1 so that the range check reports the field.</summary>
    private static int ParseInt(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : -1;

    private List<Guid> ParseSkills(IEnumerable<string> posted, string field)
    {
        var ids = new List<Guid>();
        foreach (var text in posted.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            if (Guid.TryParse(text, out var id))
            {
                ids.Add(id);
            }
            else if (!Errors.Has(field))
            {
                Errors.Add(field, "volunteer.error.unknown-skill");
            }
        }

        return [.. ids.Distinct()];
    }

    private VolunteerWeek ParseWeek(IEnumerable<string> posted, string field)
    {
        var week = VolunteerWeek.None;
        foreach (var key in posted)
        {
            if (VolunteerWeekCell.TryParse(key, out var cell))
            {
                week = week.With(cell);
            }
            else if (!Errors.Has(field))
            {
                Errors.Add(field, "volunteer.error.half-day");
            }
        }

        return week;
    }

    private List<VolunteerExceptionDay> ParseExceptions()
    {
        var result = new List<VolunteerExceptionDay>();
        for (var i = 0; i < ExceptionDates.Count; i++)
        {
            var dateText = ExceptionDates[i]?.Trim();
            if (string.IsNullOrEmpty(dateText))
            {
                continue;
            }

            var periodText = i < ExceptionPeriods.Count ? ExceptionPeriods[i] : null;
            var kindText = i < ExceptionKinds.Count ? ExceptionKinds[i] : null;
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !Enum.TryParse<VolunteerPeriod>(periodText, ignoreCase: false, out var period) || !Enum.IsDefined(period) || int.TryParse(periodText, out _)
                || kindText is not ("available" or "unavailable"))
            {
                if (!Errors.Has("Exceptions"))
                {
                    Errors.Add("Exceptions", "volunteer.error.exception-half-day", dateText);
                }

                continue;
            }

            result.Add(new VolunteerExceptionDay(new VolunteerHalfDay(date, period), kindText == "available"));
        }

        return result;
    }
}
