namespace Reflexes.Audit;

public enum AuditProblemKind
{
    /// <summary>An entry's content no longer matches its leaf hash.</summary>
    Altered,

    /// <summary>One or more entries are missing.</summary>
    Deleted,

    /// <summary>An entry that was never appended sits in the log.</summary>
    Inserted,

    /// <summary>Entries were moved to other positions.</summary>
    Reordered,

    /// <summary>Entries and their leaf hashes were rewritten together: a signed head no longer matches them.</summary>
    Rewritten,

    /// <summary>A tree head's signature does not verify with the platform's public key.</summary>
    BadSignature,

    /// <summary>A tree head names another log.</summary>
    WrongOrigin,

    /// <summary>Two consecutive tree heads are not consistent (the later one does not extend the earlier one).</summary>
    Inconsistent,

    /// <summary>A signed tree head kept outside the platform is no longer among the published ones.</summary>
    MissingTreeHead,
}
