namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>
/// A need of the territory: what to do, for whom, where, with which skills, on which half-days. Posted as a
/// draft, submitted to the coordination unit, published (or returned with a reason), then completed or cancelled.
/// </summary>
public sealed class Mission
{
    public const int ReasonMaxLength = 1000;

    private readonly List<MissionSlot> _slots = [];

    private Mission()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public Guid OrganisationId { get; private set; }

    public MissionSource Source { get; private set; }

    public Guid NeighbourhoodId { get; private set; }

    /// <summary>The address or place people go to (a public place, never a resident's home address).</summary>
    public string Place { get; private set; } = "";

    public double Lat { get; private set; }

    public double Lon { get; private set; }

    /// <summary>Required skill codes, sorted and comma-separated (see <see cref="MissionVocabulary"/>).</summary>
    public string Skills { get; private set; } = "";

    /// <summary>Required language codes, sorted and comma-separated.</summary>
    public string Languages { get; private set; } = "";

    public MissionPriority Priority { get; private set; }

    public MissionStatus Status { get; private set; }

    /// <summary>Why the coordination unit returned it, or why it was cancelled; null otherwise.</summary>
    public string? Reason { get; private set; }

    public string PostedByUserId { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public DateTime? PublishedAtUtc { get; private set; }

    public string? ModeratedByUserId { get; private set; }

    public IReadOnlyList<MissionSlot> Slots => _slots;

    public bool IsEditable => Status == MissionStatus.Draft;

    public static Mission Post(MissionDraft draft, string postedByUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var mission = new Mission
        {
            Id = Guid.NewGuid(),
            PostedByUserId = postedByUserId,
            CreatedAtUtc = nowUtc,
            Status = MissionStatus.Draft,
        };
        mission.Apply(draft);
        return mission;
    }

    /// <summary>Rewrites a draft (a returned mission is a draft again, its reason kept until resubmission).</summary>
    public void Revise(MissionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Require(MissionStatus.Draft);
        Apply(draft);
    }

    public void Submit(DateTime nowUtc)
    {
        Require(MissionStatus.Draft);
        Status = MissionStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        Reason = null;
    }

    public void Publish(string coordinatorUserId, DateTime nowUtc)
    {
        Require(MissionStatus.Submitted);
        Status = MissionStatus.Published;
        PublishedAtUtc = nowUtc;
        ModeratedByUserId = coordinatorUserId;
    }

    public void Return(string reason, string coordinatorUserId)
    {
        Require(MissionStatus.Submitted);
        Reason = CheckedReason(reason);
        Status = MissionStatus.Draft;
        ModeratedByUserId = coordinatorUserId;
    }

    public void Complete()
    {
        Require(MissionStatus.Published);
        Status = MissionStatus.Completed;
    }

    public void Cancel(string reason)
    {
        if (Status is MissionStatus.Completed or MissionStatus.Cancelled)
        {
            throw new InvalidOperationException($"A {Status} mission cannot be cancelled.");
        }

        Reason = CheckedReason(reason);
        Status = MissionStatus.Cancelled;
    }

    private static string CheckedReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength)
        {
            throw new ArgumentException("A reason of at most " + ReasonMaxLength + " characters is required.", nameof(reason));
        }

        return reason.Trim();
    }

    private void Require(MissionStatus status)
    {
        if (Status != status)
        {
            throw new InvalidOperationException($"The mission is {Status}, not {status}.");
        }
    }

    private void Apply(MissionDraft draft)
    {
        Title = draft.Title.Trim();
        Description = draft.Description.Trim();
        OrganisationId = draft.OrganisationId ?? throw new ArgumentException("An organisation is required.", nameof(draft));
        Source = draft.Source;
        NeighbourhoodId = draft.NeighbourhoodId ?? throw new ArgumentException("A neighbourhood is required.", nameof(draft));
        Place = draft.Place.Trim();
        Lat = draft.Lat ?? throw new ArgumentException("A latitude is required.", nameof(draft));
        Lon = draft.Lon ?? throw new ArgumentException("A longitude is required.", nameof(draft));
        Skills = MissionVocabulary.Join(draft.Skills);
        Languages = MissionVocabulary.Join(draft.Languages);
        Priority = draft.Priority;
        _slots.Clear();
        _slots.AddRange(draft.Slots.OrderBy(s => s.Date).ThenBy(s => s.Period).Select(s => MissionSlot.Create(Id, s)));
    }
}
