using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>
/// A resident's free offer of help ("I can cook for two families", "I speak Tamil"). It names its author, so it
/// is personal data: coordinators read it only through the access service under "civic-reserve-matching".
/// </summary>
public sealed class OfferOfHelp : IResidentData
{
    public const int TextMaxLength = 1000;

    private OfferOfHelp()
    {
    }

    public Guid Id { get; private set; }

    public Guid SubjectId { get; private set; }

    public string UserId { get; private set; } = "";

    /// <summary>The author's display name when posted, for coordinators who call back.</summary>
    public string AuthorName { get; private set; } = "";

    public string Text { get; private set; } = "";

    public Guid? NeighbourhoodId { get; private set; }

    public DateTime PostedAtUtc { get; private set; }

    public OfferStatus Status { get; private set; }

    public Guid? MissionId { get; private set; }

    public string? LinkedByUserId { get; private set; }

    public DateTime? LinkedAtUtc { get; private set; }

    public static OfferOfHelp Post(Guid subjectId, string userId, string authorName, string text, Guid? neighbourhoodId, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > TextMaxLength)
        {
            throw new ArgumentException("An offer needs a text of at most " + TextMaxLength + " characters.", nameof(text));
        }

        return new OfferOfHelp
        {
            Id = Guid.NewGuid(),
            SubjectId = subjectId,
            UserId = userId,
            AuthorName = authorName,
            Text = text.Trim(),
            NeighbourhoodId = neighbourhoodId,
            PostedAtUtc = nowUtc,
            Status = OfferStatus.Open,
        };
    }

    public void LinkTo(Guid missionId, string coordinatorUserId, DateTime nowUtc)
    {
        if (Status == OfferStatus.Withdrawn)
        {
            throw new InvalidOperationException("A withdrawn offer cannot be linked.");
        }

        MissionId = missionId;
        LinkedByUserId = coordinatorUserId;
        LinkedAtUtc = nowUtc;
        Status = OfferStatus.Linked;
    }

    public void Withdraw() => Status = OfferStatus.Withdrawn;
}
