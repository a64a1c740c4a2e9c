namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>
/// Marks an entity that holds a resident's personal data. Such an entity can only be loaded for a
/// person the access service has allowed in the current request: loading it otherwise throws.
/// </summary>
public interface IResidentData
{
    Guid SubjectId { get; }
}
