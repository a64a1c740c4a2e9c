namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>A user account enrolled to make outreach calls: staff, or a resident from the civic reserve.</summary>
public sealed class Caller
{
    private Caller()
    {
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = "";

    public CallerLevel Level { get; private set; }

    public CallerKind Kind { get; private set; }

    public bool Active { get; private set; }

    public DateTime EnrolledAtUtc { get; private set; }

    public string EnrolledByUserId { get; private set; } = "";

    public static Caller Enrol(string userId, CallerLevel level, CallerKind kind, string enrolledBy, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        UserId = userId,
        Level = level,
        Kind = kind,
        Active = true,
        EnrolledAtUtc = nowUtc,
        EnrolledByUserId = enrolledBy,
    };

    public void Change(CallerLevel level, bool active)
    {
        Level = level;
        Active = active;
    }
}
