using System.Text.RegularExpressions;

namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>
/// What a volunteer (or a coordinator for them) states in the profile. <see cref="Validate"/> gives
/// every problem tied to the form field it concerns, as a localisation key.
/// </summary>
public sealed partial record VolunteerProfile(
    string FirstName,
    string LastName,
    string? Phone,
    string? Email,
    Guid? NeighbourhoodId,
    double? Latitude,
    double? Longitude,
    int MaxDistanceKm,
    int MaxHalfDaysPerWeek,
    int MaxHalfDaysPerMonth,
    IReadOnlyList<string> Languages,
    IReadOnlyList<Guid> Skills,
    IReadOnlyList<Guid> SecondarySkills,
    VolunteerWeek Pattern,
    VolunteerWeek Never,
    IReadOnlyList<VolunteerExceptionDay> Exceptions)
{
    public const int NameMaxLength = 100;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 256;
    public const int MinDistanceKm = 1;
    public const int MaxDistanceKmLimit = 200;
    public const int MaxExceptions = 100;

    /// <summary>At most every half-day of a week.</summary>
    public const int WeekCapLimit = 14;

    /// <summary>At most every half-day of the longest month.</summary>
    public const int MonthCapLimit = 62;

    public IReadOnlyList<(string Field, string Key)> Validate(DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(FirstName) || FirstName.Trim().Length > NameMaxLength)
        {
            errors.Add((nameof(FirstName), "volunteer.error.first-name"));
        }

        if (string.IsNullOrWhiteSpace(LastName) || LastName.Trim().Length > NameMaxLength)
        {
            errors.Add((nameof(LastName), "volunteer.error.last-name"));
        }

        if (Phone is { } phone && (phone.Trim().Length > PhoneMaxLength || (phone.Trim().Length > 0 && !PhonePattern().IsMatch(phone.Trim()))))
        {
            errors.Add((nameof(Phone), "volunteer.error.phone"));
        }

        if (Email is { } email && email.Trim().Length > 0 && (email.Trim().Length > EmailMaxLength || !EmailPattern().IsMatch(email.Trim())))
        {
            errors.Add((nameof(Email), "volunteer.error.email"));
        }

        if (Latitude is null != Longitude is null)
        {
            errors.Add((Latitude is null ? nameof(Latitude) : nameof(Longitude), "volunteer.error.location-pair"));
        }
        else if (Latitude is { } lat && (double.IsNaN(lat) || lat < -90 || lat > 90))
        {
            errors.Add((nameof(Latitude), "volunteer.error.latitude"));
        }
        else if (Longitude is { } lon && (double.IsNaN(lon) || lon < -180 || lon > 180))
        {
            errors.Add((nameof(Longitude), "volunteer.error.longitude"));
        }
        else if (Latitude is null && NeighbourhoodId is null)
        {
            errors.Add((nameof(NeighbourhoodId), "volunteer.error.location-needed"));
        }

        if (MaxDistanceKm < MinDistanceKm || MaxDistanceKm > MaxDistanceKmLimit)
        {
            errors.Add((nameof(MaxDistanceKm), "volunteer.error.distance"));
        }

        if (MaxHalfDaysPerWeek <= 0 || MaxHalfDaysPerWeek > WeekCapLimit)
        {
            errors.Add((nameof(MaxHalfDaysPerWeek), "volunteer.error.week-cap"));
        }

        if (MaxHalfDaysPerMonth <= 0 || MaxHalfDaysPerMonth > MonthCapLimit)
        {
            errors.Add((nameof(MaxHalfDaysPerMonth), "volunteer.error.month-cap"));
        }

        if (Languages.Count == 0 || Languages.Any(l => !LanguagePattern().IsMatch(l)) || Languages.Distinct().Count() != Languages.Count)
        {
            errors.Add((nameof(Languages), "volunteer.error.languages"));
        }

        if (Skills.Intersect(SecondarySkills).Any())
        {
            errors.Add((nameof(SecondarySkills), "volunteer.error.skill-twice"));
        }

        if (!Pattern.IsValid)
        {
            errors.Add((nameof(Pattern), "volunteer.error.half-day"));
        }

        if (!Never.IsValid)
        {
            errors.Add((nameof(Never), "volunteer.error.half-day"));
        }

        if (Exceptions.Count > MaxExceptions)
        {
            errors.Add((nameof(Exceptions), "volunteer.error.exceptions-count"));
        }
        else if (Exceptions.Any(e => e.HalfDay.Date < today))
        {
            errors.Add((nameof(Exceptions), "volunteer.error.exception-past"));
        }
        else if (Exceptions.Select(e => e.HalfDay).Distinct().Count() != Exceptions.Count)
        {
            errors.Add((nameof(Exceptions), "volunteer.error.exception-twice"));
        }

        return errors;
    }

    /// <summary>An ISO 639 code: two or three lower-case letters (e.g. "fr", "ta", "fsl" for French sign language).</summary>
    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex(@"^\+?[0-9 .()-]{6,30}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
