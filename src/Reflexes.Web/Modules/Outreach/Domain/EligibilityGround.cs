namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>Why a person may be in the register of fragile residents (French Social Action Code, art. L121-6-1).</summary>
public enum EligibilityGround
{
    /// <summary>Aged 65 or more.</summary>
    Age65Plus,

    /// <summary>Aged 60 or more and recognised unfit for work.</summary>
    Age60UnfitForWork,

    /// <summary>An adult with a disability.</summary>
    Disability,
}
