using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>
/// The technical guarantee behind the access service: when EF Core builds an entity that holds a
/// resident's personal data, the person must have been allowed by the access service in this scope,
/// or the read fails.
/// </summary>
public sealed class PersonalDataGuard : IMaterializationInterceptor
{
    /// <summary>One guard for every context: the grants it checks belong to each context (one per request).</summary>
    public static readonly PersonalDataGuard Instance = new();

    private PersonalDataGuard()
    {
    }

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is IResidentData data
            && materializationData.Context is Platform.Data.ReflexesDbContext context
            && !context.PersonalDataGrants.IsAllowed(data.SubjectId))
        {
            throw new PersonalDataAccessException(entity.GetType().Name);
        }

        return entity;
    }
}

/// <summary>Personal data was read without going through the access service.</summary>
public sealed class PersonalDataAccessException(string entity)
    : InvalidOperationException($"{entity} holds a resident's personal data: read it through PersonalDataAccess, which checks the purpose and records the access.");
