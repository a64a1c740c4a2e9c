namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>Who expressed the need: an organisation online, or a resident without internet through the coordination unit.</summary>
public enum MissionSource
{
    /// <summary>Posted by a partner association or a municipal service.</summary>
    Organisation,

    /// <summary>A coordinator wrote it down for a resident who called.</summary>
    ResidentByPhone,

    /// <summary>A coordinator wrote it down for a resident who came to a counter.</summary>
    ResidentInPerson,
}
