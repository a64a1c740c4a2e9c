namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>The people whose data the access service allowed in this request (one per scope).</summary>
public sealed class PersonalDataGrants
{
    private readonly HashSet<Guid> _allowed = [];

    public bool IsAllowed(Guid subjectId) => _allowed.Contains(subjectId);

    internal void Allow(Guid subjectId) => _allowed.Add(subjectId);
}
