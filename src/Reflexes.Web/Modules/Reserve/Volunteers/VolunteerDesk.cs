using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>
/// The only place that writes and reads volunteers' profiles. Every read goes through the access service
/// (PersonalDataAccess) under the purpose "civic-reserve-matching": a person who left the reserve, or
/// whose consent is withdrawn, is neither listed nor shown.
/// </summary>
public sealed class VolunteerDesk(ReflexesDbContext db, PersonalDataAccess access, ConsentRecording consents, TimeProvider clock)
{
    public const string Purpose = "civic-reserve-matching";

    /// <summary>A volunteer with their skills and dated exceptions.</summary>
    public sealed record Details(Volunteer Volunteer, IReadOnlyList<VolunteerSkill> Skills, IReadOnlyList<VolunteerDatedAvailability> Exceptions)
    {
        public IEnumerable<Guid> MainSkills => Skills.Where(s => !s.Secondary).Select(s => s.SkillId);

        public IEnumerable<Guid> SecondarySkills => Skills.Where(s => s.Secondary).Select(s => s.SkillId);
    }

    public sealed record Listing(IReadOnlyList<Details> Shown, int Hidden);

    /// <summary>The profile's problems, including those only the database knows (unknown skill or neighbourhood), and where the person lives.</summary>
    public async Task<(IReadOnlyList<(string Field, string Key)> Errors, (double Latitude, double Longitude) Place)> CheckAsync(VolunteerProfile profile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = profile.Validate(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).ToList();
        var wanted = profile.Skills.Concat(profile.SecondarySkills).Distinct().ToList();
        var known = await db.Skills.Where(s => wanted.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        if (profile.Skills.Except(known).Any())
        {
            errors.Add((nameof(VolunteerProfile.Skills), "volunteer.error.unknown-skill"));
        }

        if (profile.SecondarySkills.Except(known).Any())
        {
            errors.Add((nameof(VolunteerProfile.SecondarySkills), "volunteer.error.unknown-skill"));
        }

        (double, double) place = (profile.Latitude ?? 0, profile.Longitude ?? 0);
        if (profile.NeighbourhoodId is { } n)
        {
            var neighbourhood = await db.Neighbourhoods.AsNoTracking().FirstOrDefaultAsync(x => x.Id == n, ct);
            if (neighbourhood is null)
            {
                errors.Add((nameof(VolunteerProfile.NeighbourhoodId), "volunteer.error.neighbourhood"));
            }
            else if (profile.Latitude is null)
            {
                if (VolunteerPlaces.Centre(neighbourhood.OutlineGeoJson) is { } centre)
                {
                    place = centre;
                }
                else
                {
                    errors.Add((nameof(VolunteerProfile.Latitude), "volunteer.error.no-outline"));
                }
            }
        }

        return (errors, place);
    }

    /// <summary>The signed-in person's own membership, if they are in the reserve.</summary>
    public async Task<Details?> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var subjectId = await consents.SubjectOfAccountAsync(UserId(user), ct);
        var id = await db.Volunteers.Where(v => v.SubjectId == subjectId && v.LeftAtUtc == null).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : (await GetAsync(id.Value, "reserve.volunteer-own", user, ct)).Details;
    }

    /// <summary>
    /// The signed-in person joins (or updates their profile): their consent to matching is recorded as their
    /// own choice; an agent found in the staff directory joins as an agent.
    /// </summary>
    public async Task<Volunteer> JoinAsync(
        ClaimsPrincipal user, Guid? directoryAgentId, VolunteerProfile profile, (double Latitude, double Longitude) place, CancellationToken ct)
    {
        var userId = UserId(user);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var subjectId = await consents.SubjectOfAccountAsync(userId, ct);
        await consents.RecordOwnChoiceAsync(userId, Purpose, given: true, ct);
        var existingId = await db.Volunteers.Where(v => v.SubjectId == subjectId).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);
        Volunteer volunteer;
        if (existingId is { } id)
        {
            volunteer = (await GetAsync(id, "reserve.volunteer-join", user, ct)).Details!.Volunteer;
            if (!volunteer.Active)
            {
                volunteer.Rejoin(directoryAgentId is null ? VolunteerEnrolment.SelfService : VolunteerEnrolment.StaffDirectory, userId, now);
            }

            volunteer.Update(profile, place, now);
        }
        else
        {
            volunteer = Volunteer.Join(
                subjectId,
                directoryAgentId is null ? VolunteerKind.Resident : VolunteerKind.Agent,
                directoryAgentId is null ? VolunteerEnrolment.SelfService : VolunteerEnrolment.StaffDirectory,
                userId, directoryAgentId, profile, place, userId, now);
            db.Volunteers.Add(volunteer);
        }

        await ReplaceRowsAsync(volunteer, profile, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return volunteer;
    }

    /// <summary>A coordinator registers a person who called, wrote or came in, with their agreement to be offered missions.</summary>
    public async Task<Volunteer> RegisterOnBehalfAsync(
        VolunteerProfile profile, (double Latitude, double Longitude) place, ConsentChannel channel, string? onBehalfOf, string coordinatorUserId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var subjectId = await consents.NewSubjectAsync(ct);
        await consents.RecordThroughAgentAsync(subjectId, Purpose, given: true, channel, coordinatorUserId, onBehalfOf, ct);
        var volunteer = Volunteer.Join(
            subjectId, VolunteerKind.Resident, VolunteerEnrolment.ByCoordinator, null, null, profile, place, coordinatorUserId, clock.GetUtcNow().UtcDateTime);
        db.Volunteers.Add(volunteer);
        await ReplaceRowsAsync(volunteer, profile, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return volunteer;
    }

    /// <summary>One volunteer, or why they cannot be read.</summary>
    public async Task<(Details? Details, AccessDecision? Decision)> GetAsync(Guid id, string action, ClaimsPrincipal reader, CancellationToken ct)
    {
        var subjectId = await db.Volunteers.Where(v => v.Id == id).Select(v => (Guid?)v.SubjectId).FirstOrDefaultAsync(ct);
        if (subjectId is null)
        {
            return (null, null);
        }

        var decision = await access.AuthoriseAsync(new AccessRequest(subjectId.Value, Purpose, action, "volunteer/" + id), reader, ct);
        if (!decision.Allowed)
        {
            return (null, decision);
        }

        return (await LoadAsync(id, ct), decision);
    }

    /// <summary>Updates a profile (the person themself, or a coordinator for them); false when it cannot be read.</summary>
    public async Task<bool> UpdateAsync(Guid id, VolunteerProfile profile, (double Latitude, double Longitude) place, ClaimsPrincipal reader, CancellationToken ct)
    {
        var (details, _) = await GetAsync(id, "reserve.volunteer-update", reader, ct);
        if (details is null || !details.Volunteer.Active)
        {
            return false;
        }

        details.Volunteer.Update(profile, place, clock.GetUtcNow().UtcDateTime);
        await ReplaceRowsAsync(details.Volunteer, profile, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The signed-in person leaves the reserve: they are no longer offered missions and their consent is withdrawn.</summary>
    public async Task<bool> LeaveAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var mine = await MineAsync(user, ct);
        if (mine is null)
        {
            return false;
        }

        mine.Volunteer.Leave(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await consents.RecordOwnChoiceAsync(UserId(user), Purpose, given: false, ct);
        return true;
    }

    /// <summary>A coordinator records that a person (by phone, on paper, in person) leaves the reserve.</summary>
    public async Task<bool> LeaveOnBehalfAsync(Guid id, ConsentChannel channel, string? onBehalfOf, ClaimsPrincipal coordinator, CancellationToken ct)
    {
        var (details, _) = await GetAsync(id, "reserve.volunteer-leave", coordinator, ct);
        if (details is null || !details.Volunteer.Active)
        {
            return false;
        }

        details.Volunteer.Leave(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await consents.RecordThroughAgentAsync(details.Volunteer.SubjectId, Purpose, given: false, channel, UserId(coordinator), onBehalfOf, ct);
        return true;
    }

    /// <summary>The active volunteers whose data may be used for matching, by name; how many others are hidden.</summary>
    public Task<Listing> ListAsync(ClaimsPrincipal reader, CancellationToken ct) => ListAsync(reader, "reserve.volunteer-list", ct);

    /// <summary>The members whose data may be used, each decision journaled under the given action (e.g. an export).</summary>
    public async Task<Listing> ListAsync(ClaimsPrincipal reader, string action, CancellationToken ct)
    {
        var candidates = await db.Volunteers.Where(v => v.LeftAtUtc == null).Select(v => v.SubjectId).ToListAsync(ct);
        var allowed = await access.FilterAsync(candidates, Purpose, action, reader, ct);
        var shown = await LoadManyAsync(allowed, ct);
        return new Listing(
            [.. shown.OrderBy(d => d.Volunteer.LastName, StringComparer.CurrentCulture).ThenBy(d => d.Volunteer.FirstName, StringComparer.CurrentCulture)],
            candidates.Count - allowed.Count);
    }

    /// <summary>The data subjects of the active members (identifiers only), to filter through the access service.</summary>
    internal async Task<IReadOnlyList<Guid>> ActiveSubjectsAsync(CancellationToken ct) =>
        await db.Volunteers.Where(v => v.LeftAtUtc == null).Select(v => v.SubjectId).ToListAsync(ct);

    /// <summary>Whether any volunteer holds the skill (a yes or no, no one's data is read).</summary>
    public async Task<bool> IsSkillHeldAsync(Guid skillId, CancellationToken ct) =>
        await db.VolunteerSkills.AnyAsync(s => s.SkillId == skillId, ct);

    /// <summary>Active volunteers with their rows, for subjects the access service already allowed.</summary>
    internal async Task<IReadOnlyList<Details>> LoadManyAsync(IReadOnlyCollection<Guid> allowedSubjects, CancellationToken ct)
    {
        var ids = allowedSubjects.ToList();
        var volunteers = await db.Volunteers.AsNoTracking().Where(v => ids.Contains(v.SubjectId) && v.LeftAtUtc == null).ToListAsync(ct);
        var skills = (await db.VolunteerSkills.AsNoTracking().Where(s => ids.Contains(s.SubjectId)).ToListAsync(ct)).ToLookup(s => s.VolunteerId);
        var exceptions = (await db.VolunteerDatedAvailabilities.AsNoTracking().Where(s => ids.Contains(s.SubjectId)).ToListAsync(ct)).ToLookup(s => s.VolunteerId);
        return [.. volunteers.Select(v => new Details(v, [.. skills[v.Id]], [.. exceptions[v.Id].OrderBy(e => e.HalfDay)]))];
    }

    /// <summary>The volunteer of a person the access service already allowed (rights handling), if any.</summary>
    internal async Task<Details?> OfSubjectAsync(Guid subjectId, CancellationToken ct)
    {
        var id = await db.Volunteers.Where(v => v.SubjectId == subjectId).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await LoadAsync(id.Value, ct);
    }

    internal async Task EraseAsync(Volunteer volunteer, CancellationToken ct)
    {
        // Skills, exceptions, reassignments and their half-days go with the row (cascade).
        db.Volunteers.Remove(volunteer);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Details> LoadAsync(Guid id, CancellationToken ct)
    {
        var volunteer = await db.Volunteers.FirstAsync(v => v.Id == id, ct);
        var skills = await db.VolunteerSkills.Where(s => s.VolunteerId == id).ToListAsync(ct);
        var exceptions = await db.VolunteerDatedAvailabilities.Where(e => e.VolunteerId == id).ToListAsync(ct);
        return new Details(volunteer, skills, [.. exceptions.OrderBy(e => e.HalfDay)]);
    }

    private async Task ReplaceRowsAsync(Volunteer volunteer, VolunteerProfile profile, CancellationToken ct)
    {
        db.VolunteerSkills.RemoveRange(await db.VolunteerSkills.Where(s => s.VolunteerId == volunteer.Id).ToListAsync(ct));
        db.VolunteerDatedAvailabilities.RemoveRange(await db.VolunteerDatedAvailabilities.Where(e => e.VolunteerId == volunteer.Id).ToListAsync(ct));
        db.VolunteerSkills.AddRange(profile.Skills.Distinct().Select(s => VolunteerSkill.Create(volunteer, s, secondary: false)));
        db.VolunteerSkills.AddRange(profile.SecondarySkills.Distinct().Select(s => VolunteerSkill.Create(volunteer, s, secondary: true)));
        db.VolunteerDatedAvailabilities.AddRange(profile.Exceptions.Select(e => VolunteerDatedAvailability.Create(volunteer, e)));
    }

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in person is needed.");
}
