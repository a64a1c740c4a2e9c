namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>
/// An account that works for a receiving service (a Territory organisation) and sees its referral
/// inbox. Staff whose directory entry names the service belong to it too (docs/adr/0520).
/// </summary>
public sealed class ServiceMember
{
    private ServiceMember()
    {
    }

    public Guid Id { get; private set; }

    public Guid ServiceId { get; private set; }

    public string UserId { get; private set; } = "";

    public string AddedByUserId { get; private set; } = "";

    public DateTime AddedAtUtc { get; private set; }

    public static ServiceMember Add(Guid serviceId, string userId, string addedByUserId, DateTime nowUtc, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        ServiceId = serviceId,
        UserId = userId,
        AddedByUserId = addedByUserId,
        AddedAtUtc = nowUtc,
    };
}
