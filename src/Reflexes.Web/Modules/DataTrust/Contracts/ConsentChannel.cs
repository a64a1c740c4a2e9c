namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>How a choice reached Reflexes.</summary>
public enum ConsentChannel
{
    /// <summary>The person, signed in, on the platform.</summary>
    SelfService,

    /// <summary>An agent, on the phone with the person.</summary>
    Phone,

    /// <summary>An agent, from a paper form the person signed.</summary>
    PaperForm,

    /// <summary>An agent, face to face with the person.</summary>
    InPerson,
}
