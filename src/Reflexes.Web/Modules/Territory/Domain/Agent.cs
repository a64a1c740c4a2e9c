namespace Reflexes.Web.Modules.Territory.Domain;

/// <summary>A public agent in the staff directory: the service they work in and their manager.</summary>
public sealed class Agent
{
    private Agent()
    {
    }

    public Guid Id { get; private set; }

    public string FirstName { get; private set; } = "";

    public string LastName { get; private set; } = "";

    /// <summary>Professional e-mail address: the key that links the directory to an account.</summary>
    public string Email { get; private set; } = "";

    public string? JobTitle { get; private set; }

    public Guid ServiceId { get; private set; }

    public Guid? ManagerId { get; private set; }

    public string FullName => $"{FirstName} {LastName}";

    public static Agent Create(
        string firstName, string lastName, string email, string? jobTitle, Guid serviceId, Guid? managerId, Guid? id = null)
    {
        var agent = new Agent { Id = id ?? Guid.NewGuid() };
        agent.Update(firstName, lastName, email, jobTitle, serviceId, managerId);
        return agent;
    }

    public void Update(string firstName, string lastName, string email, string? jobTitle, Guid serviceId, Guid? managerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(firstName);
        ArgumentException.ThrowIfNullOrWhiteSpace(lastName);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        if (managerId == Id)
        {
            throw new ArgumentException("agent.own-manager", nameof(managerId));
        }

        FirstName = firstName.Trim();
        LastName = lastName.Trim();
        Email = email.Trim().ToLowerInvariant();
        JobTitle = string.IsNullOrWhiteSpace(jobTitle) ? null : jobTitle.Trim();
        ServiceId = serviceId;
        ManagerId = managerId;
    }
}
