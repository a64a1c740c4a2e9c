namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>The ground of an access decision.</summary>
public enum AccessReason
{
    /// <summary>The purpose rests on consent and the person's consent is given and current.</summary>
    ConsentGiven,

    /// <summary>The purpose rests on another legal basis (public task, legal obligation, ...).</summary>
    OtherLegalBasis,

    /// <summary>The purpose rests on consent and the person has not given a current consent.</summary>
    NoCurrentConsent,

    /// <summary>An exceptional use approved by the data board, within its period.</summary>
    ExceptionalUseApproved,

    /// <summary>An exceptional use that is pending, refused, revoked, or outside its period.</summary>
    ExceptionalUseNotInForce,

    /// <summary>The person's own rights (access, portability, erasure), handled for them.</summary>
    DataSubjectRights,

    /// <summary>No purpose with that code is in the register.</summary>
    UnknownPurpose,

    /// <summary>No data subject with that identifier.</summary>
    UnknownSubject,

    /// <summary>The reader is not signed in.</summary>
    NoReader,
}
