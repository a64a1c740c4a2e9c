using System.Text.Json;

namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>
/// A call campaign led by a coordinator: whom to call (filters over the register), for which purpose,
/// with which script, and what happens after each outcome. It holds no personal data itself.
/// </summary>
public sealed class Campaign
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private Campaign()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The purpose code (data trust register) under which people are listed and called.</summary>
    public string PurposeCode { get; private set; } = "";

    public string LeadUserId { get; private set; } = "";

    public CampaignStatus Status { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? StartedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public Guid? NeighbourhoodId { get; private set; }

    public int? MinAge { get; private set; }

    public int? MaxAge { get; private set; }

    public EligibilityGround? Ground { get; private set; }

    /// <summary>Only people not reached by any campaign for this many days.</summary>
    public int? NotContactedForDays { get; private set; }

    public string Introduction { get; private set; } = "";

    public string QuestionsJson { get; private set; } = "[]";

    public string Closing { get; private set; } = "";

    public int RetryAfterHours { get; private set; }

    public int MaxAttempts { get; private set; }

    /// <summary>When set, a reached person is called again after this many days (e.g. weekly calls to isolated people).</summary>
    public int? FollowUpEveryDays { get; private set; }

    /// <summary>A person handed to a caller who vanished is released after this many minutes.</summary>
    public int ReservationMinutes { get; private set; }

    /// <summary>People in the target list (allowed under the purpose when the list was built).</summary>
    public int TargetCount { get; private set; }

    /// <summary>People matching the filters but without a current consent: counted, never listed.</summary>
    public int HiddenCount { get; private set; }

    public DateTime? TargetsBuiltAtUtc { get; private set; }

    public CampaignTargeting Targeting => new(NeighbourhoodId, MinAge, MaxAge, Ground, NotContactedForDays);

    public CampaignRules Rules => new(RetryAfterHours, MaxAttempts, FollowUpEveryDays, ReservationMinutes);

    public CampaignScript Script => new(Introduction, JsonSerializer.Deserialize<List<ScriptQuestion>>(QuestionsJson, Json) ?? [], Closing);

    public static Campaign Create(CampaignSettings settings, string leadUserId, DateTime nowUtc)
    {
        var campaign = new Campaign { Id = Guid.NewGuid(), LeadUserId = leadUserId, Status = CampaignStatus.Draft, CreatedAtUtc = nowUtc };
        campaign.Apply(settings);
        return campaign;
    }

    /// <summary>Changes a draft's settings.</summary>
    public void Change(CampaignSettings settings)
    {
        if (Status != CampaignStatus.Draft)
        {
            throw new InvalidOperationException("Only a draft campaign can be changed.");
        }

        Apply(settings);
    }

    public CampaignSettings Settings => new(Name, PurposeCode, Targeting, Script, Rules);

    public bool CanMoveTo(CampaignStatus next) => (Status, next) switch
    {
        (CampaignStatus.Draft, CampaignStatus.Running) => true,
        (CampaignStatus.Running, CampaignStatus.Paused) => true,
        (CampaignStatus.Paused, CampaignStatus.Running) => true,
        (CampaignStatus.Draft or CampaignStatus.Running or CampaignStatus.Paused, CampaignStatus.Closed) => true,
        _ => false,
    };

    public void MoveTo(CampaignStatus next, DateTime nowUtc)
    {
        if (!CanMoveTo(next))
        {
            throw new InvalidOperationException($"A campaign cannot go from {Status} to {next}.");
        }

        if (next == CampaignStatus.Running)
        {
            StartedAtUtc ??= nowUtc;
        }

        if (next == CampaignStatus.Closed)
        {
            ClosedAtUtc = nowUtc;
        }

        Status = next;
    }

    public void TargetsBuilt(int listed, int hidden, DateTime nowUtc)
    {
        TargetCount = listed;
        HiddenCount = hidden;
        TargetsBuiltAtUtc = nowUtc;
    }

    private void Apply(CampaignSettings settings)
    {
        if (settings.Validate().Count > 0)
        {
            throw new ArgumentException("The campaign's settings are not valid.", nameof(settings));
        }

        Name = settings.Name.Trim();
        PurposeCode = settings.PurposeCode;
        NeighbourhoodId = settings.Targeting.NeighbourhoodId;
        MinAge = settings.Targeting.MinAge;
        MaxAge = settings.Targeting.MaxAge;
        Ground = settings.Targeting.Ground;
        NotContactedForDays = settings.Targeting.NotContactedForDays;
        Introduction = settings.Script.Introduction.Trim();
        Closing = settings.Script.Closing.Trim();
        QuestionsJson = JsonSerializer.Serialize(settings.Script.Questions.Select(q => q with { Text = q.Text.Trim() }).ToList(), Json);
        RetryAfterHours = settings.Rules.RetryAfterHours;
        MaxAttempts = settings.Rules.MaxAttempts;
        FollowUpEveryDays = settings.Rules.FollowUpEveryDays;
        ReservationMinutes = settings.Rules.ReservationMinutes;
    }
}

/// <summary>Filters over the register that make the target list.</summary>
public sealed record CampaignTargeting(Guid? NeighbourhoodId, int? MinAge, int? MaxAge, EligibilityGround? Ground, int? NotContactedForDays);

/// <summary>What happens after each outcome.</summary>
public sealed record CampaignRules(int RetryAfterHours, int MaxAttempts, int? FollowUpEveryDays, int ReservationMinutes)
{
    public static readonly CampaignRules Default = new(4, 3, null, 20);
}

/// <summary>Everything a coordinator sets when preparing a campaign, checked before it is kept.</summary>
public sealed record CampaignSettings(string Name, string PurposeCode, CampaignTargeting Targeting, CampaignScript Script, CampaignRules Rules)
{
    public const int NameMaxLength = 200;

    /// <summary>Each problem as (field, message key).</summary>
    public IReadOnlyList<(string Field, string Key)> Validate()
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > NameMaxLength)
        {
            errors.Add(("Name", "campaign.error.name"));
        }

        if (string.IsNullOrWhiteSpace(PurposeCode) || PurposeCode.Length > 100)
        {
            errors.Add(("PurposeCode", "campaign.error.purpose"));
        }

        var t = Targeting;
        if (t.MinAge is < 0 or > 125 || t.MaxAge is < 0 or > 125 || (t.MinAge is { } min && t.MaxAge is { } max && min > max))
        {
            errors.Add(("MinAge", "campaign.error.ages"));
        }

        if (t.NotContactedForDays is < 1 or > 3650)
        {
            errors.Add(("NotContactedForDays", "campaign.error.last-contact"));
        }

        if (t.Ground is { } g && !Enum.IsDefined(g))
        {
            errors.Add(("Ground", "campaign.error.ground"));
        }

        if (string.IsNullOrWhiteSpace(Script.Introduction) || Script.Introduction.Length > CampaignScript.TextMaxLength)
        {
            errors.Add(("Introduction", "campaign.error.introduction"));
        }

        if (string.IsNullOrWhiteSpace(Script.Closing) || Script.Closing.Length > CampaignScript.TextMaxLength)
        {
            errors.Add(("Closing", "campaign.error.closing"));
        }

        if (Script.Questions.Count > CampaignScript.MaxQuestions)
        {
            errors.Add(("Questions", "campaign.error.questions"));
        }

        for (var i = 0; i < Script.Questions.Count; i++)
        {
            var q = Script.Questions[i];
            if (string.IsNullOrWhiteSpace(q.Text) || q.Text.Trim().Length > ScriptQuestion.TextMaxLength || !Enum.IsDefined(q.Kind)
                || (q.Kind == ScriptAnswerKind.Choice && (q.Choices.Count < 2 || q.Choices.Any(string.IsNullOrWhiteSpace))))
            {
                errors.Add(("Question" + i, "campaign.error.question"));
            }
        }

        var r = Rules;
        if (r.RetryAfterHours is < 1 or > 720)
        {
            errors.Add(("RetryAfterHours", "campaign.error.retry"));
        }

        if (r.MaxAttempts is < 1 or > 20)
        {
            errors.Add(("MaxAttempts", "campaign.error.attempts"));
        }

        if (r.FollowUpEveryDays is < 1 or > 365)
        {
            errors.Add(("FollowUpEveryDays", "campaign.error.follow-up"));
        }

        if (r.ReservationMinutes is < 1 or > 240)
        {
            errors.Add(("ReservationMinutes", "campaign.error.reservation"));
        }

        return errors;
    }
}
