using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>
/// Requests to exercise a right made through an agent, for a person who has no account (by phone, on
/// paper, at a counter), once the agent has checked who the person is.
/// </summary>
public sealed class RightsIntake(ReflexesDbContext db, TimeProvider clock)
{
    public const string IdentityCheckedMarker = "[identité vérifiée par l’agent]";

    public async Task<Guid> FileThroughAgentAsync(
        Guid subjectId, RightKind kind, string details, ConsentChannel channel, string agentUserId, CancellationToken ct)
    {
        if (channel == ConsentChannel.SelfService)
        {
            throw new ArgumentException("An agent files a request made by phone, on paper or in person.", nameof(channel));
        }

        var request = RightsRequest.File(subjectId, kind, (IdentityCheckedMarker + " " + details.Trim()).Trim(), channel, agentUserId, clock.GetUtcNow().UtcDateTime);
        db.RightsRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return request.Id;
    }
}
