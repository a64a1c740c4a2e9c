using Reflexes.Web.Modules.Reserve.Domain;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>
/// A volunteer ready for matching over a date range, in the engine's terms: what they can do
/// (<see cref="Skills"/> includes every ancestor of the skills they hold, so a mission asking for
/// "Health" accepts someone with "First aid"), the languages they speak, where they live and how far
/// they go, the concrete half-days they are available on (weekly pattern, then dated exceptions, then
/// hard constraints, and for an agent only within an approved reassignment), and their caps.
/// </summary>
/// <param name="MaxPerWeek">Half-days per ISO week.</param>
/// <param name="MaxPerMonth">Half-days per calendar month, as the person stated it.</param>
/// <param name="MaxTotal">
/// Half-days over the whole range: the monthly cap of each month the range touches (or the half-days
/// available in it, when fewer), and for an agent no more than what remains of their yearly quota.
/// </param>
/// <param name="QuotaHalfDaysLeft">For an agent, the half-days left of their yearly quota (confirmed half-days counted); null for a resident.</param>
public sealed record PoolVolunteer(
    Guid VolunteerId,
    VolunteerKind Kind,
    string DisplayName,
    Guid? NeighbourhoodId,
    IReadOnlyList<Guid> HeldSkills,
    IReadOnlyList<Guid> Skills,
    IReadOnlyList<Guid> SecondarySkills,
    IReadOnlyList<string> Languages,
    double Latitude,
    double Longitude,
    int MaxDistanceKm,
    IReadOnlyList<VolunteerHalfDay> HalfDays,
    int MaxPerWeek,
    int MaxPerMonth,
    int MaxTotal,
    int? QuotaHalfDaysLeft = null);

/// <summary>The pool for a range: the volunteers ready for matching, and how many active members were left out because their data may not be used.</summary>
public sealed record VolunteerPoolResult(IReadOnlyList<PoolVolunteer> Volunteers, int Hidden);
