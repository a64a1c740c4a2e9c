namespace Reflexes.Web.Modules.DataTrust.Domain;

/// <summary>A person designated to sit on the data board beside the data-protection officer (an agent, an elected member, a resident).</summary>
public sealed class DataBoardMember
{
    private DataBoardMember()
    {
    }

    public string UserId { get; private set; } = "";

    public DateTime AddedAtUtc { get; private set; }

    public string AddedByUserId { get; private set; } = "";

    public static DataBoardMember Designate(string userId, string byUserId, DateTime nowUtc) =>
        new() { UserId = userId, AddedAtUtc = nowUtc, AddedByUserId = byUserId };
}
