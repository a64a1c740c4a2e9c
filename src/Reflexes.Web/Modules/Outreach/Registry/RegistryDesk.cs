using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>
/// The only place that touches the register's rows. Every read goes through the access service under the
/// register's purpose: a person whose consent is withdrawn or expired is neither listed nor shown.
/// </summary>
public sealed class RegistryDesk(ReflexesDbContext db, PersonalDataAccess access, ConsentRecording consents, TimeProvider clock)
{
    public const string Purpose = "heatwave-register";

    public sealed record Listing(IReadOnlyList<Registrant> Shown, int Hidden);

    public async Task<Listing> ListAsync(Guid? neighbourhoodId, EligibilityGround? ground, ClaimsPrincipal reader, CancellationToken ct)
    {
        var candidates = await db.Registrants
            .Where(r => r.WithdrawnAtUtc == null && (neighbourhoodId == null || r.NeighbourhoodId == neighbourhoodId) && (ground == null || r.Ground == ground))
            .Select(r => r.SubjectId).ToListAsync(ct);
        var allowed = await access.FilterAsync(candidates, Purpose, "outreach.registry-list", reader, ct);
        var shown = await db.Registrants.AsNoTracking().Where(r => allowed.Contains(r.SubjectId)).ToListAsync(ct);
        return new Listing([.. shown.OrderBy(r => r.LastName, StringComparer.CurrentCulture).ThenBy(r => r.FirstName, StringComparer.CurrentCulture)], candidates.Count - allowed.Count);
    }

    /// <summary>One registration, or why it cannot be read.</summary>
    public async Task<(Registrant? Registrant, AccessDecision? Decision)> GetAsync(Guid id, string action, ClaimsPrincipal reader, CancellationToken ct)
    {
        var subjectId = await db.Registrants.Where(r => r.Id == id).Select(r => (Guid?)r.SubjectId).FirstOrDefaultAsync(ct);
        if (subjectId is null)
        {
            return (null, null);
        }

        var decision = await access.AuthoriseAsync(new AccessRequest(subjectId.Value, Purpose, action, "registrant/" + id), reader, ct);
        return decision.Allowed ? (await db.Registrants.FirstAsync(r => r.Id == id, ct), decision) : (null, decision);
    }

    /// <summary>Registers a person told by phone, on paper or in person, with the purposes they agreed to.</summary>
    public async Task<Registrant> RegisterAsync(
        RegistrantDetails details, RegisteredBy registeredBy, string? onBehalfOf, ConsentChannel channel,
        IReadOnlyCollection<string> agreedPurposes, string agentUserId, CancellationToken ct)
    {
        if (!agreedPurposes.Contains(Purpose))
        {
            throw new ArgumentException("A registration needs the person's agreement to the register itself.", nameof(agreedPurposes));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var subjectId = await consents.NewSubjectAsync(ct);
        foreach (var code in agreedPurposes)
        {
            await consents.RecordThroughAgentAsync(subjectId, code, given: true, channel, agentUserId, onBehalfOf, ct);
        }

        var registrant = Registrant.Register(subjectId, details, registeredBy, agentUserId, clock.GetUtcNow().UtcDateTime);
        db.Registrants.Add(registrant);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return registrant;
    }

    /// <summary>Corrects the registration at the person's request; false when it cannot be read.</summary>
    public async Task<bool> CorrectAsync(Guid id, RegistrantDetails details, ClaimsPrincipal agent, CancellationToken ct)
    {
        var (registrant, _) = await GetAsync(id, "outreach.registry-correct", agent, ct);
        if (registrant is null)
        {
            return false;
        }

        registrant.Correct(details, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Withdraws the registration: the consent is withdrawn at once and the row is kept only as withdrawn.</summary>
    public async Task<bool> WithdrawAsync(Guid id, ConsentChannel channel, string? onBehalfOf, ClaimsPrincipal agent, CancellationToken ct)
    {
        var (registrant, _) = await GetAsync(id, "outreach.registry-withdraw", agent, ct);
        if (registrant is null)
        {
            return false;
        }

        registrant.Withdraw(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await consents.RecordThroughAgentAsync(registrant.SubjectId, Purpose, given: false, channel, agent.FindFirstValue(ClaimTypes.NameIdentifier)!, onBehalfOf, ct);
        return true;
    }

    /// <summary>The registration of a person the access service already allowed (rights handling), if any.</summary>
    internal async Task<Registrant?> OfSubjectAsync(Guid subjectId, CancellationToken ct) =>
        await db.Registrants.FirstOrDefaultAsync(r => r.SubjectId == subjectId, ct);

    internal async Task EraseAsync(Registrant registrant, CancellationToken ct)
    {
        db.Registrants.Remove(registrant);
        await db.SaveChangesAsync(ct);
    }
}
