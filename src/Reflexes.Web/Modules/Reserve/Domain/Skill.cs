namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>
/// A skill in the reserve's managed list. Skills form a hierarchy (e.g. "First aid" under "Health"):
/// a volunteer with a child skill can do what a mission asking for its parent asks.
/// </summary>
public sealed class Skill
{
    public const int NameMaxLength = 100;

    private Skill()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public Guid? ParentId { get; private set; }

    public static Skill Create(string name, Guid? parentId, Guid? id = null)
    {
        var skill = new Skill { Id = id ?? Guid.NewGuid() };
        skill.Update(name, parentId);
        return skill;
    }

    public void Update(string name, Guid? parentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Trim().Length > NameMaxLength)
        {
            throw new ArgumentException("The name is too long.", nameof(name));
        }

        if (parentId == Id)
        {
            throw new ArgumentException("A skill cannot be its own parent.", nameof(parentId));
        }

        Name = name.Trim();
        ParentId = parentId;
    }
}
